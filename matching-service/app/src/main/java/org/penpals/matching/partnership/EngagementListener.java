package org.penpals.matching.partnership;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.matching.pool.RegistrationListener;
import org.penpals.platform.events.EventDispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.messaging.Message;

/**
 * Keeps on each partnership what prompt-service tells of its engagement ({@code
 * penpals.prompts.engagement.v1}): reminders sent after a member reported the others silent ({@code
 * PartnerReminded}), reported silences nobody answered in time ({@code PartnershipQuiet} REPORTED:
 * the reporter may now ask for a new partner), and check-in answers ({@code CheckInAnswered}). Each
 * is recorded once per natural key (report, report, member), so a replay changes nothing; the
 * dispatcher also skips event ids seen.
 */
public class EngagementListener {
  private static final Logger log = LoggerFactory.getLogger(EngagementListener.class);

  /** Why prompt-service flagged a partnership quiet. */
  enum QuietReason {
    NO_CHECK_IN,
    REPORTED
  }

  /** What a participant answered. */
  enum AnswerKind {
    CHECK_IN,
    MID_SURVEY,
    FINAL_SURVEY
  }

  private final Partnerships partnerships;

  public EngagementListener(Partnerships partnerships) {
    this.partnerships = partnerships;
  }

  public Consumer<Message<byte[]>> engagement(EventDispatcher.Factory events) {
    return events
        .forGroup(RegistrationListener.GROUP)
        .on(
            PromptEvents.PARTNER_REMINDED,
            e -> {
              var d = e.data();
              recorded(
                  partnerships.recordReminder(
                      d.partnershipId(),
                      new Partnership.Report(
                          d.reportId(),
                          d.reportedBy(),
                          d.reminded(),
                          d.answerBy(),
                          d.remindedAt())),
                  "reminder",
                  d.partnershipId());
            })
        .on(
            PromptEvents.PARTNERSHIP_QUIET,
            e -> {
              var d = e.data();
              if (parse(QuietReason.class, d.reason()).orElse(null) == QuietReason.REPORTED
                  && d.reportId() != null
                  && d.reportedBy() != null) {
                recorded(
                    partnerships.recordQuietFlag(
                        d.partnershipId(),
                        new Partnership.QuietFlag(d.reportId(), d.reportedBy(), d.flaggedAt())),
                    "quiet flag",
                    d.partnershipId());
              }
            })
        .on(
            PromptEvents.CHECK_IN_ANSWERED,
            e -> {
              var d = e.data();
              if (parse(AnswerKind.class, d.kind()).orElse(null) == AnswerKind.CHECK_IN) {
                recorded(
                    partnerships.recordCheckIn(
                        d.partnershipId(),
                        new Partnership.CheckInAnswer(
                            d.participantId(), d.connected(), d.answeredAt())),
                    "check-in answer",
                    d.partnershipId());
              }
            })
        .build();
  }

  private static void recorded(boolean recorded, String what, String partnershipId) {
    if (!recorded) {
      log.debug("{} of partnership {}: known already, or no such partnership", what, partnershipId);
    }
  }

  /** A value of a closed set as another service spells it; empty if unknown (tolerant reader). */
  static <E extends Enum<E>> Optional<E> parse(Class<E> type, @Nullable String value) {
    return Arrays.stream(type.getEnumConstants()).filter(c -> c.name().equals(value)).findFirst();
  }
}
