package org.penpals.gateway.staff;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;
import org.springframework.security.crypto.password.PasswordEncoder;

/** What administrators and staff do with accounts: invite, reset, change, second factor. */
public class AccountService {
  /** An account with the one-time password to hand over (shown once, stored only as a hash). */
  public record Created(StaffAccount account, String oneTimePassword) {}

  private final StaffAccounts accounts;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final Duration oneTimePasswordTtl;

  public AccountService(
      StaffAccounts accounts, PasswordEncoder encoder, Clock clock, Duration oneTimePasswordTtl) {
    this.accounts = accounts;
    this.encoder = encoder;
    this.clock = clock;
    this.oneTimePasswordTtl = oneTimePasswordTtl;
  }

  /**
   * Creates an account with a one-time password that must be replaced at first sign-in. People who
   * sign in through the organisation's OpenID Connect provider use it only if that is off.
   */
  public Created create(
      @Nullable String email,
      @Nullable String displayName,
      @Nullable StaffRole role,
      @Nullable List<String> countries,
      String createdBy) {
    String key = StaffAccount.normalizeEmail(email);
    if (role == null) {
      throw InvalidInput.of("role", "is required");
    }
    List<String> codes = StaffAccount.normalizeCountries(role, countries);
    String name = displayName == null || displayName.isBlank() ? key : displayName.strip();
    if (name.length() > 100) {
      throw InvalidInput.of("displayName", "must have at most 100 characters");
    }
    Instant now = clock.instant();
    String password = Passwords.oneTimePassword();
    StaffAccount account =
        new StaffAccount(
            key,
            "st-" + UUID.randomUUID(),
            name,
            role,
            codes,
            encoder.encode(password),
            true,
            now.plus(oneTimePasswordTtl),
            null,
            false,
            0,
            false,
            now,
            now,
            createdBy,
            now);
    accounts.insert(account);
    return new Created(account, password);
  }

  /** A new one-time password; every session of the account ends. */
  public Created resetPassword(String email, String by) {
    String password = Passwords.oneTimePassword();
    Instant now = clock.instant();
    StaffAccount account =
        accounts
            .update(
                email,
                now,
                Updates.set("passwordHash", encoder.encode(password)),
                Updates.set("mustChangePassword", true),
                Updates.set(
                    "oneTimePasswordExpiresAt", StaffAccounts.date(now.plus(oneTimePasswordTtl))),
                Updates.set("sessionsValidAfter", StaffAccounts.date(now)))
            .orElseThrow(() -> new NotFound("staff account " + email, "email"));
    return new Created(account, password);
  }

  /**
   * Replaces the caller's password after checking the current one; the caller's other sessions end
   * (the caller's own session is renewed by the console).
   */
  public StaffAccount changePassword(
      String email, @Nullable String current, @Nullable String next, @Nullable String repeated) {
    StaffAccount account =
        accounts.find(email).orElseThrow(() -> new NotFound("staff account " + email));
    if (current == null
        || account.passwordHash() == null
        || !encoder.matches(current, account.passwordHash())) {
      throw InvalidInput.of("currentPassword", "is not your current password");
    }
    Passwords.checkPolicy(next, email);
    if (!next.equals(repeated)) {
      throw InvalidInput.of("repeatPassword", "must be the same as the new password");
    }
    if (next.equals(current)) {
      throw InvalidInput.of("password", "must differ from the current password");
    }
    Instant now = clock.instant();
    return accounts
        .update(
            email,
            now,
            Updates.set("passwordHash", encoder.encode(next)),
            Updates.set("mustChangePassword", false),
            Updates.unset("oneTimePasswordExpiresAt"),
            Updates.set("sessionsValidAfter", StaffAccounts.date(now)))
        .orElseThrow();
  }

  public StaffAccount setRole(
      String email, @Nullable StaffRole role, @Nullable List<String> countries, String by) {
    if (role == null) {
      throw InvalidInput.of("role", "is required");
    }
    if (email.equals(by) && role != StaffRole.ADMIN) {
      throw new StateConflict("you cannot take the administrator role from yourself", "role");
    }
    List<String> codes = StaffAccount.normalizeCountries(role, countries);
    Instant now = clock.instant();
    return accounts
        .update(
            email,
            now,
            Updates.set("role", role.name()),
            Updates.set("countries", codes),
            Updates.set("sessionsValidAfter", StaffAccounts.date(now)))
        .orElseThrow(() -> new NotFound("staff account " + email, "email"));
  }

  public StaffAccount setDisabled(String email, boolean disabled, String by) {
    if (email.equals(by) && disabled) {
      throw new StateConflict("you cannot disable your own account", "email");
    }
    Instant now = clock.instant();
    return accounts
        .update(
            email,
            now,
            Updates.set("disabled", disabled),
            Updates.set("sessionsValidAfter", StaffAccounts.date(now)))
        .orElseThrow(() -> new NotFound("staff account " + email, "email"));
  }

  /** Starts setting up a second factor: a fresh secret, active once a code confirms it. */
  public String startTotp(String email) {
    String secret = Totp.newSecret();
    accounts
        .update(
            email,
            clock.instant(),
            Updates.set("totpSecret", secret),
            Updates.set("totpEnabled", false))
        .orElseThrow(() -> new NotFound("staff account " + email));
    return secret;
  }

  public StaffAccount confirmTotp(String email, @Nullable String code) {
    StaffAccount account =
        accounts.find(email).orElseThrow(() -> new NotFound("staff account " + email));
    if (account.totpSecret() == null) {
      throw new StateConflict("start setting up the second factor first", "code");
    }
    var step = Totp.verify(account.totpSecret(), code == null ? "" : code, clock.instant(), 1);
    if (step.isEmpty() || !accounts.claimTotpStep(email, step.getAsLong())) {
      throw InvalidInput.of("code", "is not the current code of your authenticator app");
    }
    return accounts.update(email, clock.instant(), Updates.set("totpEnabled", true)).orElseThrow();
  }

  /** Removes the second factor (an administrator's help when a phone is lost). */
  public StaffAccount removeTotp(String email) {
    Instant now = clock.instant();
    return accounts
        .update(
            email,
            now,
            Updates.unset("totpSecret"),
            Updates.set("totpEnabled", false),
            Updates.set("totpLastStep", 0L),
            Updates.set("sessionsValidAfter", StaffAccounts.date(now)))
        .orElseThrow(() -> new NotFound("staff account " + email, "email"));
  }
}
