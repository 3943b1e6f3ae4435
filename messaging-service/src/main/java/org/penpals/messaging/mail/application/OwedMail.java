package org.penpals.messaging.mail.application;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.directory.domain.Prompt;
import org.penpals.messaging.mail.domain.MailKind;

/**
 * A mail a cause owes one participant, as the cause said it: everything needed to render it later,
 * in the recipient's language, once their details are known. The topics are not ordered with each
 * other, so a cause (matching's waitlist, a due prompt, a dissolved partnership …) may arrive
 * before the registration events that say who the participant is; its mail then waits for them
 * ({@link PendingMails}) rather than failing the consumer. {@link #key()} is the mail's natural
 * key, the same whether it is made at once or later, so it is still made once.
 */
public sealed interface OwedMail {
  String participantId();

  String cycleId();

  /** The partnership the mail is about, if any. */
  @Nullable String partnershipId();

  /** What kind of mail it becomes (one per variant). */
  MailKind kind();

  /** The mail's natural key in {@code mails}. */
  String key();

  /** Matching found nobody for the participant when it published run {@code runId}. */
  record Waitlisted(String participantId, String cycleId, String runId) implements OwedMail {
    public Waitlisted {
      require(participantId, "participantId");
      require(cycleId, "cycleId");
      require(runId, "runId");
    }

    @Override
    public @Nullable String partnershipId() {
      return null;
    }

    @Override
    public MailKind kind() {
      return MailKind.WAITLISTED;
    }

    @Override
    public String key() {
      return "waitlisted:" + participantId + ":" + runId;
    }
  }

  /** A prompt-service delivery came due ({@code PromptDue}). */
  record WeeklyPrompt(
      String participantId,
      String cycleId,
      String partnershipId,
      String deliveryId,
      int week,
      Prompt prompt,
      Instant dueAt,
      boolean late)
      implements OwedMail {
    public WeeklyPrompt {
      require(participantId, "participantId");
      require(cycleId, "cycleId");
      require(partnershipId, "partnershipId");
      require(deliveryId, "deliveryId");
      Objects.requireNonNull(prompt, "prompt");
      Objects.requireNonNull(dueAt, "dueAt");
    }

    @Override
    public MailKind kind() {
      return MailKind.PROMPT;
    }

    @Override
    public String key() {
      return "prompt:" + deliveryId + ":" + participantId;
    }
  }

  /**
   * A partner withdrew or was erased; {@code others} are the members who carry on with the
   * recipient (none: a pair's one, who gets a new partner).
   */
  record PartnerLeft(
      String participantId, String cycleId, String partnershipId, List<String> others)
      implements OwedMail {
    public PartnerLeft {
      require(participantId, "participantId");
      require(cycleId, "cycleId");
      require(partnershipId, "partnershipId");
      others = List.copyOf(others);
    }

    @Override
    public MailKind kind() {
      return MailKind.PARTNER_LEFT;
    }

    @Override
    public String key() {
      return "partner-left:" + partnershipId + ":" + participantId;
    }
  }

  /** Staff dissolved the partnership, or it ended after a reported silence ({@code QUIET}). */
  record Dissolved(
      String participantId,
      String cycleId,
      String partnershipId,
      ProgrammeMail.DissolvedBecause reason)
      implements OwedMail {
    public Dissolved {
      require(participantId, "participantId");
      require(cycleId, "cycleId");
      require(partnershipId, "partnershipId");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public MailKind kind() {
      return MailKind.PARTNERSHIP_DISSOLVED;
    }

    @Override
    public String key() {
      return "dissolved:" + partnershipId + ":" + participantId;
    }
  }

  /** The partnership ran to the end of its cycle. */
  record Ended(String participantId, String cycleId, String partnershipId) implements OwedMail {
    public Ended {
      require(participantId, "participantId");
      require(cycleId, "cycleId");
      require(partnershipId, "partnershipId");
    }

    @Override
    public MailKind kind() {
      return MailKind.PARTNERSHIP_ENDED;
    }

    @Override
    public String key() {
      return "ended:" + partnershipId + ":" + participantId;
    }
  }

  /** {@code reportedBy} reported the recipient quiet: please write by {@code answerBy}. */
  record Reminder(
      String participantId,
      String cycleId,
      String partnershipId,
      String reportId,
      String reportedBy,
      Instant answerBy)
      implements OwedMail {
    public Reminder {
      require(participantId, "participantId");
      require(cycleId, "cycleId");
      require(partnershipId, "partnershipId");
      require(reportId, "reportId");
      require(reportedBy, "reportedBy");
      Objects.requireNonNull(answerBy, "answerBy");
    }

    @Override
    public MailKind kind() {
      return MailKind.REMINDER;
    }

    @Override
    public String key() {
      return "reminder:" + reportId + ":" + participantId;
    }
  }

  private static void require(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
  }
}
