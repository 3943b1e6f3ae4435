package org.penpals.matching.engine;

import java.util.List;

/**
 * A partnership: two members, or three when a leftover joined a pair. The score is the sum of the
 * pairwise scores (one pair for two members, three pairs for three), and {@code explanation} has a
 * line per pair and criterion that add up to it exactly.
 *
 * @param locked whether staff locked this pair before the run
 */
public record Group(
    List<String> members, int score, List<ExplanationLine> explanation, boolean locked) {
  public Group {
    members = List.copyOf(members);
    explanation = List.copyOf(explanation);
    if (members.size() != 2 && members.size() != 3) {
      throw new IllegalArgumentException("a group has two or three members: " + members);
    }
    if (members.stream().distinct().count() != members.size()) {
      throw new IllegalArgumentException("members must be distinct: " + members);
    }
    int sum = explanation.stream().mapToInt(ExplanationLine::points).sum();
    if (sum != score) {
      throw new IllegalArgumentException("explanation adds up to " + sum + ", not " + score);
    }
  }

  public boolean isTrio() {
    return members.size() == 3;
  }
}
