package org.penpals.messaging.mail.adapter.in.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.PartnershipMember;
import org.penpals.contracts.prompts.PromptContent;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.prompts.PromptsPlanned;
import org.penpals.contracts.registration.ParticipantProfile;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.messaging.conversation.application.ConversationService;
import org.penpals.messaging.directory.domain.Prompt;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.messaging.mail.application.ProgrammeMail;
import org.penpals.platform.events.EventDispatcher;
import org.springframework.messaging.Message;

/**
 * The topics messaging-service follows (consumer group {@value #GROUP}): registration (contact
 * details, verification links, withdrawal, erasure), matching (partnerships) and prompts (plans and
 * due prompts). Each event is mapped from its contract to the use cases here.
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
            e ->
                mail.participantChanged(
                    recipient(
                        e.data().participantId(),
                        e.data().cycleId(),
                        e.data().revision(),
                        e.data().profile())))
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
            e -> mail.partnershipDissolved(e.data().partnershipId(), e.data().cycleId()))
        .build();
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
