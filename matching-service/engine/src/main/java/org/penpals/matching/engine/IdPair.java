package org.penpals.matching.engine;

import java.util.Objects;

/**
 * An unordered pair of ids (candidate ids or person keys), normalised so that {@code first <
 * second}: {@code IdPair.of("b", "a").equals(IdPair.of("a", "b"))}.
 */
public record IdPair(String first, String second) {
  public IdPair {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    if (first.compareTo(second) >= 0) {
      throw new IllegalArgumentException(
          "an IdPair needs two different ids in order (use IdPair.of): " + first + ", " + second);
    }
  }

  public static IdPair of(String a, String b) {
    return a.compareTo(b) < 0 ? new IdPair(a, b) : new IdPair(b, a);
  }

  public boolean contains(String id) {
    return first.equals(id) || second.equals(id);
  }

  /** The other id of the pair. */
  public String other(String id) {
    if (first.equals(id)) {
      return second;
    }
    if (second.equals(id)) {
      return first;
    }
    throw new IllegalArgumentException(id + " is not in " + this);
  }
}
