package org.penpals.matching.engine;

import java.util.List;

/**
 * What a run produced: groups (pairs and trios, ordered by their first member's id), the waitlist
 * (ordered by id) and the quality report. Every candidate of the request appears exactly once, in a
 * group or on the waitlist.
 */
public record MatchingResult(List<Group> groups, List<Waitlisted> waitlist, QualityReport quality) {
  public MatchingResult {
    groups = List.copyOf(groups);
    waitlist = List.copyOf(waitlist);
  }
}
