package org.penpals.gateway.staff;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;

/**
 * A staff account of the embedded sign-in, keyed by its normalized email.
 *
 * @param passwordHash encoded with the gateway's {@code PasswordEncoder}; null for people who sign
 *     in only through the organisation's OpenID Connect provider
 * @param oneTimePasswordExpiresAt while {@code mustChangePassword}: the one-time password stops
 *     working at this time
 * @param totpSecret Base32 secret of the second factor; {@code totpEnabled} once confirmed
 * @param totpLastStep the last time step a code was accepted for (codes are single-use)
 * @param sessionsValidAfter sessions and tokens authenticated before this are ended (password
 *     change, role change, disabling)
 */
public record StaffAccount(
    String email,
    String staffId,
    String displayName,
    StaffRole role,
    List<String> countries,
    @Nullable String passwordHash,
    boolean mustChangePassword,
    @Nullable Instant oneTimePasswordExpiresAt,
    @Nullable String totpSecret,
    boolean totpEnabled,
    long totpLastStep,
    boolean disabled,
    Instant sessionsValidAfter,
    Instant createdAt,
    String createdBy,
    Instant updatedAt) {

  private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");
  private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

  public StaffAccount {
    countries = List.copyOf(countries);
  }

  /** Trimmed and lower-cased; rejected unless it looks like an address. */
  public static String normalizeEmail(@Nullable String email) {
    String normalized = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (normalized.length() > 254 || !EMAIL.matcher(normalized).matches()) {
      throw InvalidInput.of("email", "must be an email address");
    }
    return normalized;
  }

  /** Upper-cased ISO 3166-1 alpha-2 codes, sorted, without duplicates. */
  public static List<String> normalizeCountries(StaffRole role, @Nullable List<String> countries) {
    List<String> codes =
        countries == null
            ? List.of()
            : countries.stream()
                .map(c -> c.strip().toUpperCase(Locale.ROOT))
                .filter(c -> !c.isEmpty())
                .distinct()
                .sorted()
                .toList();
    if (role != StaffRole.AMBASSADOR) {
      return List.of();
    }
    if (codes.isEmpty()) {
      throw InvalidInput.of("countries", "an ambassador needs at least one country");
    }
    if (!codes.stream().allMatch(c -> COUNTRY.matcher(c).matches() && known(c))) {
      throw InvalidInput.of("countries", "must be ISO 3166-1 alpha-2 codes");
    }
    return codes;
  }

  private static boolean known(String code) {
    return List.of(Locale.getISOCountries()).contains(code);
  }

  public StaffPrincipal principal(String method, Instant at, boolean passwordChangeRequired) {
    return new StaffPrincipal(
        staffId, email, displayName, role, countries, method, at, passwordChangeRequired);
  }
}
