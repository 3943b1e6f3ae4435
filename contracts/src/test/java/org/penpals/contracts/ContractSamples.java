package org.penpals.contracts;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.penpals.contracts.matching.MatchesPublished;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.MatchingRunCompleted;
import org.penpals.contracts.matching.ParticipantWaitlisted;
import org.penpals.contracts.matching.PartnershipCompleted;
import org.penpals.contracts.matching.PartnershipDissolved;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.matching.QualityReport;
import org.penpals.contracts.messaging.MailFailed;
import org.penpals.contracts.messaging.MailSent;
import org.penpals.contracts.messaging.MessagingEvents;
import org.penpals.contracts.messaging.PartnerMessagePosted;
import org.penpals.contracts.prompts.CheckInAnswered;
import org.penpals.contracts.prompts.PartnerReminded;
import org.penpals.contracts.prompts.PartnershipQuiet;
import org.penpals.contracts.prompts.ProgrammeEnded;
import org.penpals.contracts.prompts.ProgrammeStarted;
import org.penpals.contracts.prompts.PromptContent;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.prompts.PromptsPlanned;
import org.penpals.contracts.registration.Admission;
import org.penpals.contracts.registration.AdmissionRoute;
import org.penpals.contracts.registration.CycleArchived;
import org.penpals.contracts.registration.CycleCompleted;
import org.penpals.contracts.registration.CycleDetails;
import org.penpals.contracts.registration.CycleDrafted;
import org.penpals.contracts.registration.CycleRegistrationClosed;
import org.penpals.contracts.registration.CycleRegistrationOpened;
import org.penpals.contracts.registration.CycleRunning;
import org.penpals.contracts.registration.CycleStatus;
import org.penpals.contracts.registration.CycleUpdated;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.contracts.registration.LibrarySector;
import org.penpals.contracts.registration.ParticipantAdmitted;
import org.penpals.contracts.registration.ParticipantEmailVerified;
import org.penpals.contracts.registration.ParticipantErased;
import org.penpals.contracts.registration.ParticipantProfile;
import org.penpals.contracts.registration.ParticipantProfileUpdated;
import org.penpals.contracts.registration.ParticipantRegistered;
import org.penpals.contracts.registration.ParticipantVerificationRequested;
import org.penpals.contracts.registration.ParticipantWithdrawn;
import org.penpals.contracts.registration.PartnerPreferences;
import org.penpals.contracts.registration.PromptCadence;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.contracts.registration.SectorPreference;

/** One realistic instance of every event, for the schema and round-trip checks. */
final class ContractSamples {
  private ContractSamples() {}

  static final Instant T = Instant.parse("2027-02-01T09:00:00Z");

  static CycleDetails cycle() {
    return new CycleDetails(
        "2027 cycle 1",
        T,
        T.plusSeconds(86400L * 28),
        LocalDate.parse("2027-03-15"),
        17,
        PromptCadence.WEEKLY,
        DayOfWeek.MONDAY,
        9,
        800,
        20,
        CycleStatus.REGISTRATION_OPEN);
  }

  static ParticipantProfile profile() {
    return new ParticipantProfile(
        "Maria Petrova",
        "maria@library.example.bg",
        "BG",
        "Plovdiv",
        "Ivan Vazov Public Library",
        LibrarySector.PUBLIC,
        "Reference librarian",
        7,
        List.of(new LanguageSkill("bg", true), new LanguageSkill("en", true)),
        List.of("community-engagement", "digital-literacy"),
        "Learn how other public libraries reach new readers",
        "Europe/Sofia",
        new PartnerPreferences(SectorPreference.SAME, List.of()),
        false,
        "en");
  }

  static PromptContent prompt() {
    return new PromptContent(
        "welcome",
        "PROMPT",
        "Getting to know each other",
        "Tell your partner about your library.",
        Map.of("es", new PromptContent.Translation("Conocernos", "Cuéntale a tu pareja...")));
  }

  static Map<EventType<?>, Object> all() {
    return Map.ofEntries(
        Map.entry(RegistrationEvents.CYCLE_DRAFTED, new CycleDrafted("c-1", cycle())),
        Map.entry(RegistrationEvents.CYCLE_UPDATED, new CycleUpdated("c-1", cycle())),
        Map.entry(RegistrationEvents.CYCLE_OPENED, new CycleRegistrationOpened("c-1", cycle())),
        Map.entry(
            RegistrationEvents.CYCLE_CLOSED, new CycleRegistrationClosed("c-1", cycle(), 760, 2)),
        Map.entry(RegistrationEvents.CYCLE_RUNNING, new CycleRunning("c-1", cycle(), T)),
        Map.entry(RegistrationEvents.CYCLE_COMPLETED, new CycleCompleted("c-1", cycle(), T)),
        Map.entry(RegistrationEvents.CYCLE_ARCHIVED, new CycleArchived("c-1", cycle(), T)),
        Map.entry(
            RegistrationEvents.PARTICIPANT_ADMITTED,
            new ParticipantAdmitted("p-1", "c-1", 3, AdmissionRoute.STAFF, T)),
        Map.entry(
            RegistrationEvents.PARTICIPANT_REGISTERED,
            new ParticipantRegistered(
                "p-1", "c-1", "pk-1", 1, profile(), Admission.WAITLISTED, "COUNTRY_CAP")),
        Map.entry(
            RegistrationEvents.VERIFICATION_REQUESTED,
            new ParticipantVerificationRequested(
                "p-1", "c-1", "maria@library.example.bg", "Maria Petrova", "en", "tok", T)),
        Map.entry(
            RegistrationEvents.SIGN_IN_LINK_REQUESTED,
            new org.penpals.contracts.registration.SignInLinkRequested(
                "p-1", "c-1", "maria@library.example.bg", "Maria Petrova", "en", "tok", T)),
        Map.entry(
            RegistrationEvents.EMAIL_VERIFIED, new ParticipantEmailVerified("p-1", "c-1", 2, T)),
        Map.entry(
            RegistrationEvents.PROFILE_UPDATED,
            new ParticipantProfileUpdated("p-1", "c-1", 3, profile())),
        Map.entry(
            RegistrationEvents.PARTICIPANT_WITHDRAWN,
            new ParticipantWithdrawn("p-1", "c-1", 4, T, "changed jobs")),
        Map.entry(RegistrationEvents.PARTICIPANT_ERASED, new ParticipantErased("p-1", "c-1", 5, T)),
        Map.entry(
            MatchingEvents.PARTNERSHIP_FORMED,
            new PartnershipFormed(
                "ps-1",
                "c-1",
                List.of(
                    new PartnershipMember("p-1", "Europe/Sofia", "en"),
                    new PartnershipMember("p-2", "America/Chicago", "es")),
                742,
                "INITIAL",
                "run-1",
                T)),
        Map.entry(
            MatchingEvents.PARTNERSHIP_DISSOLVED,
            new PartnershipDissolved(
                "ps-1", "c-1", "WITHDRAWAL", List.of("p-2"), List.of("p-1"), T)),
        Map.entry(
            MatchingEvents.PARTICIPANT_WAITLISTED,
            new ParticipantWaitlisted("p-3", "c-1", "ODD_ONE_OUT", "run-1", T)),
        Map.entry(
            MatchingEvents.PARTNERSHIP_COMPLETED,
            new PartnershipCompleted("ps-1", "c-1", List.of("p-1", "p-2"), T)),
        Map.entry(
            MatchingEvents.RUN_COMPLETED,
            new MatchingRunCompleted(
                "run-1",
                "c-1",
                true,
                new QualityReport(
                    762, 760, 760, 280_000, 280_000, 0.0, 379, 1, 1, 19_050, "blossom", 84),
                T)),
        Map.entry(
            MatchingEvents.MATCHES_PUBLISHED, new MatchesPublished("c-1", "run-1", 380, 1, T)),
        Map.entry(
            PromptEvents.PROMPTS_PLANNED,
            new PromptsPlanned(
                "ps-1", "c-1", List.of(new PromptsPlanned.PlannedMember("p-1", T)), prompt(), 17)),
        Map.entry(
            PromptEvents.PROMPT_DUE,
            new PromptDue("d-1", "ps-1", "c-1", "p-1", 1, prompt(), T, false)),
        Map.entry(
            PromptEvents.CHECK_IN_ANSWERED,
            new CheckInAnswered("ps-1", "c-1", "p-1", "CHECK_IN", 3, true, T)),
        Map.entry(
            PromptEvents.PARTNER_REMINDED,
            new PartnerReminded(
                "ps-1", "c-1", "r-1", "p-1", List.of("p-2"), T.plusSeconds(7 * 86400L), T)),
        Map.entry(
            PromptEvents.PROGRAMME_STARTED,
            new ProgrammeStarted("c-1", LocalDate.parse("2027-03-15"), T)),
        Map.entry(
            PromptEvents.PROGRAMME_ENDED,
            new ProgrammeEnded("c-1", 17, LocalDate.parse("2027-07-11"), T)),
        Map.entry(
            PromptEvents.PARTNERSHIP_QUIET,
            new PartnershipQuiet("ps-1", "c-1", "REPORTED", T, "r-1", "p-1")),
        Map.entry(
            MessagingEvents.MAIL_SENT, new MailSent("m-1", "PROMPT", "p-1", "c-1", "ps-1", T)),
        Map.entry(
            MessagingEvents.MAIL_FAILED,
            new MailFailed("m-2", "PROMPT", "p-1", "c-1", "ps-1", "550 no such user", T)),
        Map.entry(
            MessagingEvents.MESSAGE_POSTED,
            new PartnerMessagePosted("msg-1", "ps-1", "c-1", "p-1", T)));
  }
}
