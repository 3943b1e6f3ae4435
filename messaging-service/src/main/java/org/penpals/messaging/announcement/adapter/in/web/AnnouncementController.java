package org.penpals.messaging.announcement.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.announcement.application.AnnouncementService;
import org.penpals.messaging.announcement.domain.Announcement;
import org.penpals.messaging.announcement.domain.Draft;
import org.penpals.messaging.mail.domain.MailContent;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff: announcements to a cycle or a segment of it (ADR 0012 §5). Writing needs ADMIN or
 * COORDINATOR, reading any staff role (see {@code SecurityRules}).
 */
@RestController
@RequestMapping("/api/messaging/cycles/{cycleId}/announcements")
@Tag(name = "Announcements", description = "Staff: write to a cycle's participants")
@SecurityRequirement(name = "bearer")
public class AnnouncementController {
  private final AnnouncementService announcements;

  public AnnouncementController(AnnouncementService announcements) {
    this.announcements = announcements;
  }

  /** A subject and a Markdown body. */
  public record TextBody(@Nullable String subject, @Nullable String body) {}

  /**
   * Who it is for.
   *
   * @param kind {@code ALL}, {@code PARTNERED}, {@code WAITLISTED} or {@code COUNTRY}
   * @param country ISO 3166-1 alpha-2, for {@code COUNTRY} only
   */
  public record SegmentBody(@Nullable String kind, @Nullable String country) {}

  /**
   * An announcement as written.
   *
   * @param subject 1-200 characters, one line (English, and every language without a translation)
   * @param body Markdown, 1-20,000 characters; raw HTML in it is shown as text
   * @param translations optional versions by language: {@code en}, {@code es}, {@code fr}
   * @param sendAt when to send it (default now); not in the past, within a year
   */
  public record AnnouncementBody(
      @Nullable String subject,
      @Nullable String body,
      @Nullable Map<String, @Nullable TextBody> translations,
      @Nullable SegmentBody segment,
      @Nullable Instant sendAt) {
    Draft.Raw raw() {
      Map<String, Draft.@Nullable RawText> texts = null;
      if (translations != null) {
        texts = new LinkedHashMap<>();
        for (var e : translations.entrySet()) {
          TextBody t = e.getValue();
          texts.put(e.getKey(), t == null ? null : new Draft.RawText(t.subject(), t.body()));
        }
      }
      return new Draft.Raw(
          subject,
          body,
          texts,
          segment == null ? null : new Draft.RawSegment(segment.kind(), segment.country()),
          sendAt);
    }
  }

  public record TextView(String subject, String body) {}

  public record SegmentView(String kind, @Nullable String country) {}

  /**
   * An announcement and how its delivery stands.
   *
   * @param status {@code SCHEDULED}, {@code SENDING}, {@code SENT} or {@code CANCELLED}
   * @param recipients the segment's size (counted when scheduled, frozen when sending starts)
   * @param sent recipients whose mail is made (the mail log tells when each went out)
   * @param createdBy the staff member (token subject) who wrote it
   */
  public record AnnouncementView(
      String id,
      String cycleId,
      String subject,
      String body,
      Map<String, TextView> translations,
      SegmentView segment,
      Instant sendAt,
      Announcement.Status status,
      int recipients,
      int sent,
      Instant createdAt,
      String createdBy) {
    static AnnouncementView of(Announcement a) {
      Map<String, TextView> translations = new LinkedHashMap<>();
      a.draft().translations().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  translations.put(
                      e.getKey(), new TextView(e.getValue().subject(), e.getValue().body())));
      return new AnnouncementView(
          a.id(),
          a.cycleId(),
          a.draft().text().subject(),
          a.draft().text().body(),
          translations,
          new SegmentView(a.draft().segment().kind().name(), a.draft().segment().country()),
          a.sendAt(),
          a.status(),
          a.recipients(),
          a.sent(),
          a.createdAt(),
          a.createdBy());
    }
  }

  public record RenderedView(String subject, String html, String text) {
    static RenderedView of(MailContent c) {
      return new RenderedView(c.subject(), c.html(), c.text());
    }
  }

  /**
   * A preview.
   *
   * @param recipients how many the segment reaches now
   * @param byLanguage how many of them read each language
   * @param rendered the mail in each language
   */
  public record PreviewView(
      int recipients, Map<String, Integer> byLanguage, Map<String, RenderedView> rendered) {}

  @PostMapping
  @Operation(
      summary = "Schedule an announcement",
      description =
          "One mail per recipient, in their language (its translation, else the default), at"
              + " `sendAt` (default now). The required `Idempotency-Key` header makes a repeated"
              + " submit harmless: the same key with the same body answers 200 with the first"
              + " announcement and sends nothing more; with another body, 409 naming"
              + " `Idempotency-Key`. 409 naming `cycleId` for an archived cycle, `segment` when"
              + " nobody is in the segment; 404 naming `cycleId` for a cycle messaging does not"
              + " know. Nothing is stored on any error.")
  @ApiResponse(responseCode = "201", description = "Scheduled")
  @ApiResponse(responseCode = "200", description = "The same request again: the first answer")
  @ApiResponse(
      responseCode = "409",
      description = "Idempotency-Key reused, cycle archived, or empty segment",
      content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
  public ResponseEntity<AnnouncementView> schedule(
      @PathVariable String cycleId,
      @Parameter(description = "8-100 characters of A-Z, a-z, 0-9, _ and -; one per announcement")
          @RequestHeader(name = AnnouncementService.IDEMPOTENCY_KEY, required = false)
          @Nullable String idempotencyKey,
      @RequestBody AnnouncementBody body,
      Principal staff) {
    AnnouncementService.Scheduled scheduled =
        announcements.schedule(cycleId, idempotencyKey, body.raw(), staff.getName());
    AnnouncementView view = AnnouncementView.of(scheduled.announcement());
    if (!scheduled.created()) {
      return ResponseEntity.ok(view);
    }
    return ResponseEntity.created(
            URI.create("/api/messaging/cycles/" + cycleId + "/announcements/" + view.id()))
        .body(view);
  }

  @PostMapping("/preview")
  @Operation(
      summary = "Preview an announcement",
      description =
          "How many it would reach now, by language, and the mail in en, es and fr. Nothing is"
              + " stored; an empty segment answers 0.")
  public PreviewView preview(@PathVariable String cycleId, @RequestBody AnnouncementBody body) {
    AnnouncementService.Preview preview = announcements.preview(cycleId, body.raw());
    Map<String, RenderedView> rendered = new LinkedHashMap<>();
    preview.rendered().forEach((language, c) -> rendered.put(language, RenderedView.of(c)));
    return new PreviewView(preview.recipients(), preview.byLanguage(), rendered);
  }

  @GetMapping
  @Operation(summary = "A cycle's announcements, newest first")
  public List<AnnouncementView> list(@PathVariable String cycleId) {
    return announcements.list(cycleId).stream().map(AnnouncementView::of).toList();
  }

  @GetMapping("/{announcementId}")
  @Operation(summary = "One announcement and how its delivery stands")
  public AnnouncementView get(@PathVariable String cycleId, @PathVariable String announcementId) {
    return AnnouncementView.of(announcements.get(cycleId, announcementId));
  }

  @DeleteMapping("/{announcementId}")
  @Operation(
      summary = "Cancel a scheduled announcement",
      description = "409 naming `announcementId` once it is being sent, sent or cancelled.")
  @ApiResponse(responseCode = "200", description = "Cancelled")
  public ResponseEntity<AnnouncementView> cancel(
      @PathVariable String cycleId, @PathVariable String announcementId) {
    return ResponseEntity.status(HttpStatus.OK)
        .body(AnnouncementView.of(announcements.cancel(cycleId, announcementId)));
  }
}
