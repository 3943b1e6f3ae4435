package org.penpals.messaging.mail.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.penpals.messaging.mail.application.MyNotices;
import org.penpals.messaging.mail.domain.MailKind;
import org.penpals.platform.security.CurrentParticipant;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The portal's notices: what the programme told the caller by mail. Participant token only. */
@RestController
@Tag(name = "My notices", description = "Life events and announcements (participant token)")
@SecurityRequirement(name = "bearer")
public class MyNoticesController {
  private final MyNotices notices;

  public MyNoticesController(MyNotices notices) {
    this.notices = notices;
  }

  /**
   * A notice.
   *
   * @param id the mail's id
   * @param kind {@code WAITLISTED}, {@code ADMITTED}, {@code PARTNER_LEFT}, {@code
   *     PARTNERSHIP_DISSOLVED}, {@code NEW_PARTNER}, {@code REMINDER}, {@code PARTNERSHIP_ENDED},
   *     {@code CYCLE_COMPLETED} or {@code ANNOUNCEMENT}
   * @param subject the mail's subject
   * @param text the mail's plain-text part (show it as text: it is not HTML)
   * @param at when it was made
   */
  public record NoticeView(String id, MailKind kind, String subject, String text, Instant at) {
    static NoticeView of(MyNotices.Notice n) {
      return new NoticeView(n.id(), n.kind(), n.subject(), n.text(), n.at());
    }
  }

  @GetMapping("/api/messaging/participants/me/notices")
  @Operation(
      summary = "My notices, newest first",
      description =
          "The life-event mails (waitlisted, admitted, a partner left, partnership dissolved, new"
              + " partner, reminder, partnership ended, cycle completed) and announcements made"
              + " for me, newest first, at most "
              + MyNotices.LIMIT
              + ". An empty list when there are none. Participant tokens only: staff tokens get"
              + " 403.")
  public List<NoticeView> mine() {
    return notices.of(CurrentParticipant.id()).stream().map(NoticeView::of).toList();
  }
}
