package org.penpals.messaging.mail.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.mail.application.MailLog;
import org.penpals.messaging.mail.domain.Mail;
import org.penpals.platform.domain.Rules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff: the mail log per participant and cycle, the failure list, and resending. */
@RestController
@RequestMapping("/api/messaging/mails")
@Tag(name = "Mail log", description = "Staff: what was sent, what failed, resend")
@SecurityRequirement(name = "bearer")
public class MailLogController {
  private static final int MAX_LIMIT = 1000;
  private final MailLog log;

  public MailLogController(MailLog log) {
    this.log = log;
  }

  /** A mail as staff see it: status and subject, never the body (it may hold a secret link). */
  public record MailView(
      String id,
      String kind,
      @Nullable String participantId,
      @Nullable String cycleId,
      @Nullable String partnershipId,
      String to,
      String locale,
      @Nullable String subject,
      String status,
      int attempts,
      int resends,
      Instant createdAt,
      @Nullable Instant sentAt,
      @Nullable String failure) {
    static MailView of(Mail m) {
      return new MailView(
          m.id(),
          m.kind().name(),
          m.participantId(),
          m.cycleId(),
          m.partnershipId(),
          m.to(),
          m.locale(),
          m.content() == null ? null : m.content().subject(),
          m.status().name(),
          m.attempts(),
          m.resends(),
          m.createdAt(),
          m.sentAt(),
          m.failure());
    }
  }

  @GetMapping
  @Operation(summary = "A participant's mails (optionally of one cycle), newest first")
  public List<MailView> ofParticipant(
      @RequestParam(required = false) @Nullable String participantId,
      @RequestParam(required = false) @Nullable String cycleId,
      @RequestParam(defaultValue = "200") int limit) {
    Rules rules = new Rules();
    rules.text(participantId, "participantId", 1, 100);
    rules.require(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be 1-" + MAX_LIMIT);
    rules.throwIfAny();
    return log.ofParticipant(participantId.strip(), blankToNull(cycleId), limit).stream()
        .map(MailView::of)
        .toList();
  }

  @GetMapping("/failures")
  @Operation(summary = "Mails that failed for good (optionally of one cycle), newest first")
  public List<MailView> failures(
      @RequestParam(required = false) @Nullable String cycleId,
      @RequestParam(defaultValue = "200") int limit) {
    Rules rules = new Rules();
    rules.require(limit >= 1 && limit <= MAX_LIMIT, "limit", "must be 1-" + MAX_LIMIT);
    rules.throwIfAny();
    return log.failures(blankToNull(cycleId), limit).stream().map(MailView::of).toList();
  }

  @GetMapping("/{mailId}")
  @Operation(summary = "One mail's status")
  public MailView mail(@PathVariable String mailId) {
    return MailView.of(log.mail(mailId));
  }

  @PostMapping("/{mailId}/resend")
  @Operation(
      summary = "Send a sent or failed mail again",
      description =
          "To the participant's current address, with a new Message-ID. Mails with secret links"
              + " (verification) are not kept after sending: 409.")
  public MailView resend(@PathVariable String mailId) {
    return MailView.of(log.resend(mailId));
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
