package org.penpals.prompt.partnership.application;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.penpals.prompt.partnership.domain.Delivery;
import org.penpals.prompt.partnership.domain.MemberPlan;

/** Where each participant's prompt plan lives, one per (partnership, participant). */
public interface MemberPlans {
  /** Stores new plans; plans that exist already (a replay) are kept as they are. */
  void insert(List<MemberPlan> plans);

  Optional<MemberPlan> find(String id);

  Map<String, MemberPlan> load(Collection<String> ids);

  /**
   * Applies each claim if its plan is still active and still waiting for that prompt, atomically
   * with its events; returns the ids of the plans this call claimed. A claim that lost (another
   * scheduler was first, the partnership was dissolved) changes nothing.
   */
  Set<String> claim(List<Claim> claims);

  /** Stops active plans: nothing more is sent. */
  void stop(Collection<String> ids, MemberPlan.Status status);

  /** Stops a plan and removes the participant's zone and language from it. */
  void erase(String id);

  /**
   * Moves plan {@code planId} from prompt {@code number} to the next, recording what happened and
   * the events it owes (the {@code PromptDue}, when sent).
   */
  record Claim(String planId, int number, Delivery delivery, @Nullable Object event) {}
}
