package org.penpals.gateway.signin;

import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.staff.Passwords;
import org.penpals.gateway.staff.StaffAccount;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.gateway.staff.Totp;
import org.penpals.platform.domain.InvalidInput;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Embedded sign-in: password, then the second factor when the account has one. Every refusal looks
 * the same from outside — unknown email, wrong password, disabled account, expired one-time
 * password, locked email — and costs the same password-hash comparison.
 */
public class SignInService {
  /** What a sign-in step came to. */
  public sealed interface Outcome {}

  /** Signed in (possibly only to change a one-time password). */
  public record SignedIn(StaffPrincipal principal) implements Outcome {}

  /** Password right; the code of the authenticator app is needed next. */
  public record SecondFactorNeeded(String email) implements Outcome {}

  /**
   * Not signed in. {@code reason} is for the audit log only, never shown: {@code refused} or {@code
   * locked} (this attempt locked the email, or it was locked already).
   */
  public record Refused(String email, String reason) implements Outcome {}

  private final StaffAccounts accounts;
  private final SignInAttempts attempts;
  private final PasswordEncoder encoder;
  private final Clock clock;
  private final String dummyHash;

  public SignInService(
      StaffAccounts accounts, SignInAttempts attempts, PasswordEncoder encoder, Clock clock) {
    this.accounts = accounts;
    this.attempts = attempts;
    this.encoder = encoder;
    this.clock = clock;
    this.dummyHash = encoder.encode(Passwords.oneTimePassword());
  }

  public Outcome password(@Nullable String typedEmail, @Nullable String password) {
    String email = key(typedEmail);
    String secret = password == null ? "" : password;
    Instant now = clock.instant();
    if (attempts.lockedUntil(email, now).isPresent()) {
      encoder.matches(secret, dummyHash);
      return new Refused(email, "locked");
    }
    Optional<StaffAccount> found = valid(email) ? accounts.find(email) : Optional.empty();
    String hash = found.map(StaffAccount::passwordHash).orElse(null);
    boolean matches = encoder.matches(secret, hash == null ? dummyHash : hash);
    StaffAccount account = found.orElse(null);
    if (!matches
        || account == null
        || hash == null
        || account.disabled()
        || expired(account, now)) {
      return refuse(email, now);
    }
    if (encoder.upgradeEncoding(hash)) {
      accounts.update(email, now, Updates.set("passwordHash", encoder.encode(secret)));
    }
    if (account.totpEnabled()) {
      return new SecondFactorNeeded(email);
    }
    attempts.succeeded(email);
    return new SignedIn(account.principal("password", now, account.mustChangePassword()));
  }

  /** The second step, for an email whose password was right moments ago. */
  public Outcome secondFactor(String email, @Nullable String code) {
    Instant now = clock.instant();
    if (attempts.lockedUntil(email, now).isPresent()) {
      return new Refused(email, "locked");
    }
    StaffAccount account = accounts.find(email).orElse(null);
    if (account == null
        || account.disabled()
        || !account.totpEnabled()
        || account.totpSecret() == null) {
      return refuse(email, now);
    }
    OptionalLong step = Totp.verify(account.totpSecret(), code == null ? "" : code, now, 1);
    if (step.isEmpty() || !accounts.claimTotpStep(email, step.getAsLong())) {
      return refuse(email, now);
    }
    attempts.succeeded(email);
    return new SignedIn(account.principal("password+totp", now, account.mustChangePassword()));
  }

  private Refused refuse(String email, Instant now) {
    boolean locked = attempts.failed(email, now);
    return new Refused(email, locked ? "locked" : "refused");
  }

  private static boolean expired(StaffAccount account, Instant now) {
    return account.mustChangePassword()
        && account.oneTimePasswordExpiresAt() != null
        && !now.isBefore(account.oneTimePasswordExpiresAt());
  }

  /** The attempts key: the normalized email, or the text as typed (bounded) if it is none. */
  static String key(@Nullable String typed) {
    try {
      return StaffAccount.normalizeEmail(typed);
    } catch (InvalidInput e) {
      String raw = typed == null ? "" : typed.strip().toLowerCase(Locale.ROOT);
      return raw.length() > 254 ? raw.substring(0, 254) : raw;
    }
  }

  private static boolean valid(String email) {
    try {
      StaffAccount.normalizeEmail(email);
      return true;
    } catch (InvalidInput e) {
      return false;
    }
  }
}
