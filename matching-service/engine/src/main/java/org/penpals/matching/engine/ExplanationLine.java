package org.penpals.matching.engine;

import java.util.Objects;

/**
 * One criterion's contribution to a group's score, for the two members it concerns (a trio has
 * lines for each of its three pairs).
 *
 * @param points whole points, at most the criterion's weight; the lines of a group add up to its
 *     score exactly
 * @param reason a short sentence for staff, e.g. "share 2 interests: open-access, research-data"
 */
public record ExplanationLine(
    String memberA, String memberB, Criterion criterion, int points, String reason) {
  public ExplanationLine {
    Objects.requireNonNull(memberA, "memberA");
    Objects.requireNonNull(memberB, "memberB");
    Objects.requireNonNull(criterion, "criterion");
    Objects.requireNonNull(reason, "reason");
    if (points < 0) {
      throw new IllegalArgumentException("points must not be negative: " + points);
    }
  }
}
