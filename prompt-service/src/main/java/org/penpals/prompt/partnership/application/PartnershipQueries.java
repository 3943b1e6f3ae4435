package org.penpals.prompt.partnership.application;

import java.util.List;
import java.util.Map;
import org.penpals.platform.domain.NotFound;
import org.penpals.prompt.partnership.domain.Delivery;
import org.penpals.prompt.partnership.domain.MemberPlan;
import org.penpals.prompt.partnership.domain.Partnership;

/** What staff see of a partnership: its engagement and every member's prompts. */
public class PartnershipQueries {
  private final Partnerships partnerships;
  private final MemberPlans plans;

  public PartnershipQueries(Partnerships partnerships, MemberPlans plans) {
    this.partnerships = partnerships;
    this.plans = plans;
  }

  public record Details(
      Partnership partnership, List<MemberPlan> plans, Map<String, Delivery> deliveries) {}

  public Details partnership(String id) {
    Partnership p =
        partnerships.find(id).orElseThrow(() -> new NotFound("partnership " + id, "partnershipId"));
    var loaded = plans.load(p.memberIds().stream().map(m -> MemberPlan.id(p.id(), m)).toList());
    List<MemberPlan> memberPlans =
        p.memberIds().stream()
            .map(m -> loaded.get(MemberPlan.id(p.id(), m)))
            .filter(plan -> plan != null)
            .toList();
    return new Details(
        p,
        memberPlans,
        plans.deliveries(
            memberPlans.stream().flatMap(plan -> plan.deliveryIds().stream()).toList()));
  }

  /** One prompt number of a cycle: prompts sent (and how many late), answers received. */
  public record Week(int number, long promptsSent, long late, long answers) {}

  /** The cycle's engagement, prompt by prompt: what the dashboard draws. */
  public List<Week> engagement(String cycleId) {
    Map<Integer, MemberPlans.Sent> sent = plans.sentPerNumber(cycleId);
    Map<Integer, Long> answers = partnerships.answersPerNumber(cycleId);
    java.util.SortedSet<Integer> numbers = new java.util.TreeSet<>(sent.keySet());
    numbers.addAll(answers.keySet());
    return numbers.stream()
        .map(
            n -> {
              MemberPlans.Sent s = sent.getOrDefault(n, new MemberPlans.Sent(0, 0));
              return new Week(n, s.count(), s.late(), answers.getOrDefault(n, 0L));
            })
        .toList();
  }

  public List<Partnership> quietOf(String cycleId) {
    return partnerships.quietOf(cycleId);
  }
}
