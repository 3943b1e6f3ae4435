package org.penpals.messaging.mail.adapter.in.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.PromptContent;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.prompts.PromptsPlanned;
import org.penpals.contracts.registration.Admission;
import org.penpals.contracts.registration.CycleDetails;
import org.penpals.contracts.registration.ParticipantProfile;
import org.penpals.contracts.registration.ParticipantRegistered;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.messaging.conversation.application.ConversationService;
import org.penpals.messaging.directory.domain.Cycle;
import org.penpals.messaging.directory.domain.Prompt;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.messaging.mail.application.ProgrammeMail;
import org.penpals.platform.events.EventDispatcher;
import org.springframework.messaging.Message;

/**
 * The topics messaging-service follows (consumer group {@value #GROUP}): registration (contact
 * details, verification links, confirmed emails, admissions, withdrawal, erasure; cycles), matching
 * (partnerships formed, dissolved and completed; participants it waitlisted) and prompts (plans,
 * due prompts, reminders to quiet partners). Each event is mapped from its contract to the use
 * cases here.
 */
public final class ProgrammeListener {
  public static final String GROUP = "messaging-service";

  private final ProgrammeMail mail;
  private final ConversationService conversations;

  public ProgrammeListener(ProgrammeMail mail, ConversationService conversations) {
    this.mail = mail;
    this.conversations = conversations;
  }

  public Consumer<Message<byte[]>> participants(EventDispatcher.Factory events) {
    return events
        .forGroup(GROUP)
        .on(
            RegistrationEvents.PARTICIPANT_REGISTERED,
            e -> mail.participantChanged(registered(e.data())))
        .on(
            RegistrationEvents.PROFILE_UPDATED,
            e ->
                mail.participantChanged(
                    recipient(
                        e.data().participantId(),
                        e.data().cycleId(),
                        e.data().revision(),
                        e.data().profile())))
        .on(
            RegistrationEvents.VERIFICATION_REQUESTED,
            e -> {
              var d = e.data();
              mail.verificationRequested(
                  d.participantId(),
                  d.cycleId(),
                  d.email(),
                  d.fullName(),
                  d.locale(),
                  d.token(),
                  d.expiresAt());
            })
        .on(RegistrationEvents.EMAIL_VERIFIED, e -> mail.emailVerified(e.data().participantId()))
        .on(
            RegistrationEvents.PARTICIPANT_ADMITTED,
            e -> mail.admitted(e.data().participantId(), e.data().admittedAt()))
        .on(
            RegistrationEvents.PARTICIPANT_WITHDRAWN,
            e -> mail.participantWithdrawn(e.data().participantId(), e.data().revision()))
        .on(
            RegistrationEvents.PARTICIPANT_ERASED,
            e -> {
              String participantId = e.data().participantId();
              conversations.erase(participantId, mail.participantErased(participantId));
            })
        .build();
  }

  public Consumer<Message<byte[]>> partnerships(EventDispatcher.Factory events) {
    return events
        .forGroup(GROUP)
        .on(
            MatchingEvents.PARTNERSHIP_FORMED,
            e ->
                mail.partnershipFormed(
                    e.data().partnershipId(),
                    e.data().cycleId(),
                    e.data().members().stream().map(PartnershipMember::participantId).toList()))
        .on(
            MatchingEvents.PARTNERSHIP_DISSOLVED,
            e ->
                mail.partnershipDissolved(
                    e.data().partnershipId(),
                    e.data().cycleId(),
                    dissolvedBecause(e.data().reason()),
                    e.data().leaving(),
                    e.data().remaining()))
        .on(
            MatchingEvents.PARTNERSHIP_COMPLETED,
            e ->
                mail.partnershipCompleted(
                    e.data().partnershipId(),
                    e.data().cycleId(),
                    e.data().members(),
                    e.data().completedAt()))
        .build();
  }

  /** {@code penpals.matching.participants.v1}: people matching could not pair at publication. */
  public Consumer<Message<byte[]>> matchingParticipants(EventDispatcher.Factory events) {
    return events
        .forGroup(GROUP)
        .on(
            MatchingEvents.PARTICIPANT_WAITLISTED,
            e ->
                mail.waitlistedByMatching(
                    e.data().participantId(), e.data().cycleId(), e.data().runId()))
        .build();
  }

  /** {@code penpals.prompts.engagement.v1}: reminders to quiet partners. */
  public Consumer<Message<byte[]>> engagement(EventDispatcher.Factory events) {
    return events
        .forGroup(GROUP)
        .on(
            PromptEvents.PARTNER_REMINDED,
            e -> {
              var d = e.data();
              mail.partnerReminded(
                  d.partnershipId(),
                  d.cycleId(),
                  d.reportId(),
                  d.reportedBy(),
                  d.reminded(),
                  d.answerBy());
            })
        .build();
  }

  /** {@code penpals.registration.cycles.v1}: each cycle's name and status; its completion. */
  public Consumer<Message<byte[]>> cycles(EventDispatcher.Factory events) {
    return events
        .forGroup(GROUP)
        .on(
            RegistrationEvents.CYCLE_DRAFTED,
            e -> mail.cycleChanged(cycle(e.data().cycleId(), e.data().cycle())))
        .on(
            RegistrationEvents.CYCLE_UPDATED,
            e -> mail.cycleChanged(cycle(e.data().cycleId(), e.data().cycle())))
        .on(
            RegistrationEvents.CYCLE_OPENED,
            e -> mail.cycleChanged(cycle(e.data().cycleId(), e.data().cycle())))
        .on(
            RegistrationEvents.CYCLE_CLOSED,
            e -> mail.cycleChanged(cycle(e.data().cycleId(), e.data().cycle())))
        .on(
            RegistrationEvents.CYCLE_RUNNING,
            e -> mail.cycleChanged(cycle(e.data().cycleId(), e.data().cycle())))
        .on(
            RegistrationEvents.CYCLE_COMPLETED,
            e -> mail.cycleCompleted(cycle(e.data().cycleId(), e.data().cycle())))
        .on(
            RegistrationEvents.CYCLE_ARCHIVED,
            e -> mail.cycleChanged(cycle(e.data().cycleId(), e.data().cycle())))
        .build();
  }

  private static Cycle cycle(String cycleId, CycleDetails details) {
    return new Cycle(cycleId, details.name(), Cycle.Status.valueOf(details.status().name()));
  }

  private static ProgrammeMail.@Nullable DissolvedBecause dissolvedBecause(String reason) {
    for (ProgrammeMail.DissolvedBecause known : ProgrammeMail.DissolvedBecause.values()) {
      if (known.name().equals(reason)) {
        return known;
      }
    }
    return null;
  }

  public Consumer<Message<byte[]>> prompts(EventDispatcher.Factory events) {
    return events
        .forGroup(GROUP)
        .on(
            PromptEvents.PROMPTS_PLANNED,
            e -> {
              PromptsPlanned d = e.data();
              Map<String, Instant> firstDue = new LinkedHashMap<>();
              for (PromptsPlanned.PlannedMember m : d.members()) {
                firstDue.put(m.participantId(), m.firstDueAt());
              }
              mail.promptsPlanned(d.partnershipId(), d.cycleId(), prompt(d.first()), firstDue);
            })
        .on(
            PromptEvents.PROMPT_DUE,
            e -> {
              var d = e.data();
              mail.promptDue(
                  d.deliveryId(),
                  d.partnershipId(),
                  d.cycleId(),
                  d.participantId(),
                  d.week(),
                  prompt(d.prompt()),
                  d.dueAt(),
                  d.late());
            })
        .build();
  }

  private static Recipient registered(ParticipantRegistered e) {
    ParticipantProfile p = e.profile();
    return new Recipient(
        e.participantId(),
        e.cycleId(),
        e.revision(),
        p.fullName(),
        p.email(),
        p.countryCode(),
        p.organisation(),
        p.timeZone(),
        p.locale(),
        false,
        false,
        e.admission() == Admission.WAITLISTED
            ? Recipient.WaitlistReason.of(e.admissionReason())
            : null,
        null,
        false);
  }

  private static Recipient recipient(
      String participantId, String cycleId, long revision, ParticipantProfile p) {
    return new Recipient(
        participantId,
        cycleId,
        revision,
        p.fullName(),
        p.email(),
        p.countryCode(),
        p.organisation(),
        p.timeZone(),
        p.locale(),
        false);
  }

  static Prompt prompt(PromptContent content) {
    Map<String, Prompt.Text> translations = new LinkedHashMap<>();
    content
        .translations()
        .forEach(
            (language, t) -> {
              if (t != null && t.title() != null && t.body() != null) {
                translations.put(language, new Prompt.Text(t.title(), t.body()));
              }
            });
    return new Prompt(content.kind(), content.title(), content.body(), translations);
  }
}
