package org.penpals.cli.demo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Picks disjoint couples of candidates that may be paired with each other: the people left without
 * a partner by the demo (whose partner withdrew, or who asked for a new one) are chosen two by two,
 * so that the re-matching can pair them with each other.
 */
public final class Couples {
  private Couples() {}

  /**
   * Up to {@code wanted} disjoint couples, first come first served: each candidate in order is
   * coupled with the first later candidate not taken yet that {@code compatible} accepts.
   *
   * @param compatible whether two candidates could be partners (asked at most once per couple)
   */
  public static <T> List<List<T>> pick(
      List<T> candidates, int wanted, BiPredicate<T, T> compatible) {
    List<List<T>> couples = new ArrayList<>();
    Set<Integer> taken = new HashSet<>();
    for (int a = 0; a < candidates.size() && couples.size() < wanted; a++) {
      if (taken.contains(a)) {
        continue;
      }
      for (int b = a + 1; b < candidates.size(); b++) {
        if (!taken.contains(b) && compatible.test(candidates.get(a), candidates.get(b))) {
          couples.add(List.of(candidates.get(a), candidates.get(b)));
          taken.add(a);
          taken.add(b);
          break;
        }
      }
    }
    return couples;
  }
}
