package org.penpals.prompt.partnership.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.penpals.prompt.partnership.domain.Delivery;
import org.penpals.prompt.partnership.domain.MemberPlan;

/**
 * Where each participant's prompt plan lives (one per partnership and participant), and the decided
 * deliveries (one per partnership, participant and prompt).
 */
public interface MemberPlans {
  /** Stores new plans; plans that exist already (a replay) are kept as they are. */
  void insert(List<MemberPlan> plans);

  Optional<MemberPlan> find(String id);

  Map<String, MemberPlan> load(Collection<String> ids);

  /**
   * Records each decision unless that delivery was decided already (first writer wins, atomically
   * with its event), then moves every plan past the decided prompt. Returns the delivery ids this
   * call decided; a decision that lost (another scheduler was first, the plan was stopped) changes
   * nothing.
   */
  Set<String> decide(List<Decision> decisions);

  /**
   * Stops plans: every prompt not decided yet is decided {@code STOPPED} (so a scheduler racing
   * this loses), and the plan's status says why.
   */
  void stop(Collection<String> ids, MemberPlan.Status status, Instant at);

  /** Stops a plan for good and removes the participant's zone and language from it. */
  void erase(String id, Instant at);

  /** The decided deliveries among these ids. */
  Map<String, Delivery> deliveries(Collection<String> deliveryIds);

  /** A cycle's prompts sent, by prompt number: how many, and how many of those late. */
  Map<Integer, Sent> sentPerNumber(String cycleId);

  /** Prompts sent of one number, and how many of them more than a day late. */
  record Sent(long count, long late) {}

  /** A decision about one prompt of a plan, with the event it owes (the {@code PromptDue}). */
  record Decision(MemberPlan plan, Delivery delivery, @Nullable Object event) {}
}
