package org.penpals.prompt.partnership.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.Rules;
import org.penpals.platform.security.CurrentParticipant;
import org.penpals.prompt.partnership.application.EngagementService;
import org.penpals.prompt.partnership.application.MyPrompts;
import org.penpals.prompt.partnership.domain.Answer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A participant's own prompts (participant token). Every endpoint acts on the token's subject and
 * their own partnership: there is no id in these URLs to change.
 */
@RestController
@RequestMapping("/api/prompts/participants/me")
@Tag(name = "My prompts", description = "This week's prompt, past ones, check-in and surveys")
@SecurityRequirement(name = "bearer")
public class MyPromptsController {
  private final MyPrompts prompts;
  private final EngagementService engagement;

  public MyPromptsController(MyPrompts prompts, EngagementService engagement) {
    this.prompts = prompts;
    this.engagement = engagement;
  }

  /**
   * An answer to the check-in or a survey.
   *
   * @param week the prompt's number (the week, for weekly cycles)
   * @param connected check-in: have you been in touch with your partner (required there)
   * @param rating surveys: 1 to 5
   */
  public record AnswerRequest(
      @Nullable Integer week,
      @Nullable Boolean connected,
      @Nullable Integer rating,
      @Nullable String comments) {}

  public record AnswerView(
      String partnershipId,
      int week,
      String kind,
      @Nullable Boolean connected,
      @Nullable Integer rating,
      Instant answeredAt) {}

  public record ReportRequest(@Nullable String note) {}

  @GetMapping("/prompts")
  @Operation(summary = "My partnership's prompts: this week's and the earlier ones, in my language")
  public MyPrompts.View mine() {
    return prompts.of(CurrentParticipant.id());
  }

  @PostMapping("/answers")
  @ResponseStatus(HttpStatus.CREATED)
  @Operation(summary = "Answer the check-in or a survey I received")
  public AnswerView answer(@RequestBody @Nullable AnswerRequest request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    Rules rules = new Rules();
    rules.present(request.week(), "week");
    if (request.week() != null) {
      rules.require(request.week() >= 1 && request.week() <= 52, "week", "must be 1..52");
    }
    rules.throwIfAny();
    String me = CurrentParticipant.id();
    Answer a =
        engagement.answer(
            me, request.week(), request.connected(), request.rating(), request.comments());
    return new AnswerView(
        engagement.partnershipOf(me).id(),
        a.number(),
        a.kind().name(),
        a.connected(),
        a.rating(),
        a.at());
  }

  @PostMapping("/report-quiet")
  @ResponseStatus(HttpStatus.ACCEPTED)
  @Operation(
      summary =
          "My partner has gone quiet: my partner is reminded by mail (at most once a week per"
              + " partnership); if they do not answer by answerBy, coordinators are told and I may"
              + " ask for a new partner. With a report still open, that one is answered.")
  public ReportViews.Mine reportQuiet(
      @RequestBody(required = false) @Nullable ReportRequest request) {
    String note = request == null ? null : request.note();
    if (note != null) {
      Rules rules = new Rules();
      note = rules.text(note, "note", 0, 1000);
      rules.throwIfAny();
      if (note != null && note.isEmpty()) {
        note = null;
      }
    }
    return ReportViews.mine(engagement.reportQuiet(CurrentParticipant.id(), note));
  }

  @GetMapping("/report-quiet")
  @Operation(
      summary =
          "My latest report of silence in my current partnership: its outcome so far and what"
              + " became of the reminder, with dates; 404 if I made none")
  public ReportViews.Mine myReport() {
    return ReportViews.mine(engagement.latestReport(CurrentParticipant.id()));
  }
}
