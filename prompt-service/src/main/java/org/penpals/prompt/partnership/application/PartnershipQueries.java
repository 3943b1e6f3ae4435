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

  public List<Partnership> quietOf(String cycleId) {
    return partnerships.quietOf(cycleId);
  }
}
