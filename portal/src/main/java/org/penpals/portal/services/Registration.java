package org.penpals.portal.services;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** The registration service's public and participant API, as the portal uses it. */
public interface Registration {

  record OpenCycle(
      String id,
      String name,
      Instant registrationOpensAt,
      Instant registrationClosesAt,
      LocalDate partnershipStartsOn,
      int lengthWeeks) {}

  record Option(String id, String label) {}

  record Taxonomy(
      List<Option> sectors,
      List<Option> interests,
      List<String> sectorPreferences,
      List<String> locales) {}

  record Applied(String id, String cycleId, String status, String admission) {}

  /** Who a sign-in link belonged to. */
  record SignedIn(String participantId, String cycleId, @Nullable String language, String name) {}

  record Language(String code, boolean correspondence) {}

  record Preferences(@Nullable String sector, @Nullable List<String> avoidCountries) {}

  record Profile(
      String fullName,
      String email,
      String countryCode,
      String city,
      String organisation,
      String sector,
      String role,
      int yearsInProfession,
      List<Language> languages,
      List<String> interests,
      @Nullable String hopes,
      String timeZone,
      @Nullable Preferences preferences,
      boolean returning,
      @Nullable String locale) {}

  /** My application. */
  record Me(
      String id,
      String cycleId,
      String status,
      String admission,
      @Nullable String admissionReason,
      Instant registeredAt,
      @Nullable Instant verifiedAt,
      @Nullable Instant withdrawnAt,
      @Nullable Profile profile) {}

  List<OpenCycle> openCycles();

  Taxonomy taxonomy();

  /** The application as the API's JSON body; field errors come back as a {@link ServiceProblem}. */
  Applied apply(String cycleId, Map<String, Object> application);

  /** Confirms an email with the mailed token; returns the application's status. */
  String verify(String token);

  /** Mails a new verification link if the address applied to the cycle; answers the same always. */
  void resendVerification(String cycleId, String email);

  /** Mails a sign-in link if the address applied; answers the same either way. */
  void requestSignInLink(String email);

  /**
   * Redeems a sign-in link once; a used, expired or unknown one is a 410 {@link ServiceProblem}.
   */
  SignedIn redeemSignInLink(String token);

  Me me(String participantId);

  Me update(String participantId, Map<String, Object> profile);

  Me withdraw(String participantId, @Nullable String reason);

  JsonNode export(String participantId);

  void erase(String participantId);
}
