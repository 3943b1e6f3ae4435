package org.penpals.portal.services;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;
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

  /** Where an application stands. {@code UNKNOWN}: a status this portal does not know yet. */
  enum ApplicationStatus {
    PENDING_VERIFICATION,
    VERIFIED,
    WITHDRAWN,
    ERASED,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /** Whether an application holds a place or waits for one. */
  enum Admission {
    ADMITTED,
    WAITLISTED,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /** Why an application waits: no place left, or none left for its country. */
  enum WaitReason {
    CAPACITY,
    COUNTRY_CAP,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /** How a waitlisted application got its place. */
  enum AdmissionRoute {
    /** A coordinator admitted it. */
    STAFF,
    /** A place freed up while registration was open and it was next in line. */
    FREED_PLACE,
    @JsonEnumDefaultValue
    UNKNOWN
  }

  /** A cycle's stage. {@code UNKNOWN}: one this portal does not know yet (tolerant reader). */
  enum CycleStatus {
    DRAFT,
    REGISTRATION_OPEN,
    REGISTRATION_CLOSED,
    MATCHING,
    MATCHES_PUBLISHED,
    RUNNING,
    COMPLETED,
    ARCHIVED,
    @JsonEnumDefaultValue
    UNKNOWN;

    /** Completed or archived: nothing more happens in it. */
    public boolean ended() {
      return this == COMPLETED || this == ARCHIVED;
    }

    /** Its partnerships have been published and it has not ended. */
    public boolean matched() {
      return this == MATCHES_PUBLISHED || this == RUNNING;
    }
  }

  /**
   * The cycle an application belongs to, as its participant sees it.
   *
   * @param lastWeekEndsOn the last day of the last scheduled week
   */
  record Cycle(
      String id,
      String name,
      CycleStatus status,
      @Nullable LocalDate partnershipStartsOn,
      @Nullable LocalDate lastWeekEndsOn) {}

  /**
   * My application, and where it stands.
   *
   * @param admissionReason why it waits, while waitlisted
   * @param admittedAt since when it holds a place; null unless admitted
   * @param admissionRoute how a waitlisted application got its place; null if admitted on applying
   * @param waitlistPosition 1 = next in line; only while waitlisted
   * @param cycle the cycle's stage and dates (only {@code GET me} answers it)
   */
  record Me(
      String id,
      String cycleId,
      ApplicationStatus status,
      Admission admission,
      @Nullable WaitReason admissionReason,
      @Nullable Instant admittedAt,
      @Nullable AdmissionRoute admissionRoute,
      @Nullable Integer waitlistPosition,
      Instant registeredAt,
      @Nullable Instant verifiedAt,
      @Nullable Instant withdrawnAt,
      @Nullable Profile profile,
      @Nullable Cycle cycle) {

    public boolean pending() {
      return status == ApplicationStatus.PENDING_VERIFICATION;
    }

    public boolean verified() {
      return status == ApplicationStatus.VERIFIED;
    }

    /** Withdrawn or erased: no longer taking part. */
    public boolean withdrawn() {
      return status == ApplicationStatus.WITHDRAWN || status == ApplicationStatus.ERASED;
    }

    public boolean waitlisted() {
      return admission == Admission.WAITLISTED;
    }

    public boolean admitted() {
      return admission == Admission.ADMITTED;
    }

    /** Its cycle is completed or archived. */
    public boolean cycleEnded() {
      return cycle != null && cycle.status().ended();
    }
  }

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
