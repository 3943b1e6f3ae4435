package org.penpals.matching.engine;

import java.util.List;

/** A pair's score and the lines that explain it; the lines' points add up to {@code score}. */
public record PairScore(int score, List<ExplanationLine> lines) {
  public PairScore {
    lines = List.copyOf(lines);
    int sum = lines.stream().mapToInt(ExplanationLine::points).sum();
    if (sum != score) {
      throw new IllegalArgumentException("lines add up to " + sum + ", not " + score);
    }
  }
}
