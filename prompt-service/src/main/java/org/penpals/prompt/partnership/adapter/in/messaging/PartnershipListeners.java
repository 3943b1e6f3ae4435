package org.penpals.prompt.partnership.adapter.in.messaging;

import java.time.DateTimeException;
import java.util.function.Consumer;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.contracts.messaging.MailFailed;
import org.penpals.contracts.messaging.MailSent;
import org.penpals.contracts.messaging.MessagingEvents;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.platform.events.PoisonEventException;
import org.penpals.prompt.partnership.application.EngagementService;
import org.penpals.prompt.partnership.application.Formed;
import org.penpals.prompt.partnership.application.PlanningService;
import org.penpals.prompt.partnership.domain.Member;
import org.penpals.prompt.partnership.domain.Partnership;
import org.springframework.messaging.Message;

/**
 * The upstream events prompts follow: partnerships formed, dissolved and completed (matching),
 * participants erased (registration), partners writing to each other and reminder mails sent or
 * failed (messaging). Every handler is idempotent in effect; the dispatcher also skips event ids it
 * has processed.
 */
public final class PartnershipListeners {
  public static final String GROUP = "prompt-service";

  private PartnershipListeners() {}

  public static Consumer<Message<byte[]>> partnerships(
      EventDispatcher.Factory events, PlanningService planning) {
    return events
        .forGroup(GROUP)
        .on(MatchingEvents.PARTNERSHIP_FORMED, e -> planning.formed(formed(e.data())))
        .on(
            MatchingEvents.PARTNERSHIP_DISSOLVED,
            e ->
                planning.dissolved(
                    e.data().partnershipId(),
                    e.data().cycleId(),
                    e.data().reason(),
                    e.data().dissolvedAt()))
        .on(
            MatchingEvents.PARTNERSHIP_COMPLETED,
            e ->
                planning.completed(
                    e.data().partnershipId(), e.data().cycleId(), e.data().completedAt()))
        .build();
  }

  public static Consumer<Message<byte[]>> participants(
      EventDispatcher.Factory events, PlanningService planning) {
    return events
        .forGroup(GROUP)
        .on(
            RegistrationEvents.PARTICIPANT_ERASED,
            e -> planning.erased(e.data().participantId(), e.data().erasedAt()))
        .build();
  }

  public static Consumer<Message<byte[]>> conversations(
      EventDispatcher.Factory events, EngagementService engagement) {
    return events
        .forGroup(GROUP)
        .on(
            MessagingEvents.MESSAGE_POSTED,
            e -> engagement.memberActive(e.data().partnershipId(), e.data().authorId()))
        .build();
  }

  /**
   * Messaging's mail kind for a reminder to a quiet partner (its other kinds do not matter here).
   */
  static final String REMINDER = "REMINDER";

  /** Reminder mails sent or failed: recorded on the report that asked for them. */
  public static Consumer<Message<byte[]>> mails(
      EventDispatcher.Factory events, EngagementService engagement) {
    return events
        .forGroup(GROUP)
        .on(
            MessagingEvents.MAIL_SENT,
            e -> {
              MailSent m = e.data();
              if (REMINDER.equals(m.kind())
                  && m.partnershipId() != null
                  && m.participantId() != null) {
                engagement.reminderMail(
                    m.partnershipId(),
                    m.participantId(),
                    m.mailId(),
                    Partnership.ReminderMailStatus.SENT,
                    m.sentAt(),
                    null);
              }
            })
        .on(
            MessagingEvents.MAIL_FAILED,
            e -> {
              MailFailed m = e.data();
              if (REMINDER.equals(m.kind())
                  && m.partnershipId() != null
                  && m.participantId() != null) {
                engagement.reminderMail(
                    m.partnershipId(),
                    m.participantId(),
                    m.mailId(),
                    Partnership.ReminderMailStatus.FAILED,
                    m.failedAt(),
                    m.reason());
              }
            })
        .build();
  }

  private static Formed formed(PartnershipFormed e) {
    try {
      return new Formed(
          e.partnershipId(),
          e.cycleId(),
          e.members().stream()
              .map(m -> new Member(m.participantId(), m.timeZone(), m.locale(), null))
              .toList(),
          e.origin(),
          e.formedAt());
    } catch (IllegalArgumentException | DateTimeException ex) {
      throw new PoisonEventException(
          "partnership " + e.partnershipId() + " cannot be planned: " + ex.getMessage(), ex);
    }
  }
}
