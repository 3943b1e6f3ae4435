package org.penpals.prompt.partnership.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.prompt.partnership.application.PartnershipQueries;
import org.penpals.prompt.partnership.domain.Answer;
import org.penpals.prompt.partnership.domain.Delivery;
import org.penpals.prompt.partnership.domain.Member;
import org.penpals.prompt.partnership.domain.MemberPlan;
import org.penpals.prompt.partnership.domain.Partnership;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Partnership health for coordinators: quiet partnerships, and each one's prompts and answers. */
@RestController
@Tag(name = "Partnership health", description = "Quiet partnerships, deliveries, answers (staff)")
@SecurityRequirement(name = "bearer")
public class StaffPartnershipController {
  private final PartnershipQueries queries;

  public StaffPartnershipController(PartnershipQueries queries) {
    this.queries = queries;
  }

  public record QuietView(
      String partnershipId,
      String cycleId,
      String status,
      List<String> members,
      List<Partnership.QuietFlag> flags,
      List<ReportViews.Staff> reports) {}

  public record PlanView(
      String participantId,
      String status,
      int next,
      @Nullable Instant nextDueAt,
      List<Delivery> deliveries) {}

  public record PartnershipView(
      String partnershipId,
      String cycleId,
      String status,
      String origin,
      Instant formedAt,
      int first,
      int last,
      @Nullable Integer checkIn,
      List<Member> members,
      List<PlanView> plans,
      List<Answer> answers,
      List<ReportViews.Staff> reports,
      List<Partnership.QuietFlag> quiet) {}

  @GetMapping("/api/prompts/cycles/{cycleId}/quiet")
  @Operation(
      summary =
          "Partnerships flagged quiet (nobody answered the check-in, or a reported silence went"
              + " unanswered) or with a reported silence: every report with its reminder (sent,"
              + " failed, not sent because of a recent one) and outcome, first flagged or"
              + " reported first")
  public List<QuietView> quiet(@PathVariable String cycleId) {
    return queries.quietOf(cycleId).stream()
        .map(
            p ->
                new QuietView(
                    p.id(),
                    p.cycleId(),
                    p.status().name(),
                    p.memberIds(),
                    p.quiet(),
                    ReportViews.staff(p.reports())))
        .toList();
  }

  public record EngagementView(String cycleId, List<PartnershipQueries.Week> weeks) {}

  @GetMapping("/api/prompts/cycles/{cycleId}/engagement")
  @Operation(
      summary =
          "A cycle's engagement by prompt number: prompts sent (and how many late), check-in and"
              + " survey answers received; numbers with nothing sent or answered are left out")
  public EngagementView engagement(@PathVariable String cycleId) {
    return new EngagementView(cycleId, queries.engagement(cycleId));
  }

  @GetMapping("/api/prompts/partnerships/{partnershipId}")
  @Operation(
      summary =
          "A partnership's prompts (sent, skipped, next), answers, reports with their reminders"
              + " and outcomes, and flags")
  public PartnershipView partnership(@PathVariable String partnershipId) {
    PartnershipQueries.Details d = queries.partnership(partnershipId);
    Partnership p = d.partnership();
    return new PartnershipView(
        p.id(),
        p.cycleId(),
        p.status().name(),
        p.origin(),
        p.formedAt(),
        p.first(),
        p.last(),
        p.checkIn(),
        p.members(),
        d.plans().stream().map(plan -> plan(plan, d.deliveries())).toList(),
        p.answers(),
        ReportViews.staff(p.reports()),
        p.quiet());
  }

  private static PlanView plan(MemberPlan plan, java.util.Map<String, Delivery> deliveries) {
    boolean more = plan.status() == MemberPlan.Status.ACTIVE && plan.next() <= plan.last();
    return new PlanView(
        plan.participantId(),
        plan.status().name(),
        plan.next(),
        more ? plan.dueAt(plan.next()) : null,
        plan.deliveryIds().stream().map(deliveries::get).filter(d -> d != null).toList());
  }
}
