package org.penpals.gateway.support;

import java.util.List;
import java.util.UUID;
import org.penpals.gateway.staff.AccountService;
import org.penpals.gateway.staff.StaffRole;

/** Staff accounts for tests, with a password already chosen (or still the one-time one). */
public final class TestAccounts {
  public static final String PASSWORD = "correct horse battery staple";

  /** An account. */
  public record Account(String email, String password, String staffId) {}

  private TestAccounts() {}

  public static Account ready(AccountService accounts, StaffRole role, String... countries) {
    Account fresh = fresh(accounts, role, countries);
    accounts.changePassword(fresh.email(), fresh.password(), PASSWORD, PASSWORD);
    return new Account(fresh.email(), PASSWORD, fresh.staffId());
  }

  /** Still holding its one-time password. */
  public static Account fresh(AccountService accounts, StaffRole role, String... countries) {
    String email =
        role.name().toLowerCase()
            + "-"
            + UUID.randomUUID().toString().substring(0, 8)
            + "@penpals.test";
    AccountService.Created created =
        accounts.create(email, "Test " + role.label(), role, List.of(countries), "test");
    return new Account(email, created.oneTimePassword(), created.account().staffId());
  }
}
