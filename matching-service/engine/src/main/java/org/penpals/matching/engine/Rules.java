package org.penpals.matching.engine;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * Staff decisions and history on top of the built-in hard rules (different countries, a shared
 * correspondence language, each side's countries to avoid).
 *
 * @param forbiddenPairs candidate ids that must not be grouped together
 * @param lockedPairs candidate ids that must be partners (kept as they are; each candidate in at
 *     most one locked pair)
 * @param previousPartners person keys of earlier partnerships, which must not repeat
 */
public record Rules(
    Set<IdPair> forbiddenPairs, Set<IdPair> lockedPairs, Set<IdPair> previousPartners) {
  public static final Rules NONE = new Rules(Set.of(), Set.of(), Set.of());

  public Rules {
    forbiddenPairs = sorted(forbiddenPairs);
    lockedPairs = sorted(lockedPairs);
    previousPartners = sorted(previousPartners);
  }

  private static Set<IdPair> sorted(Set<IdPair> pairs) {
    TreeSet<IdPair> copy =
        new TreeSet<>(
            (a, b) -> {
              int c = a.first().compareTo(b.first());
              return c != 0 ? c : a.second().compareTo(b.second());
            });
    copy.addAll(pairs);
    return Collections.unmodifiableSortedSet(copy);
  }

  public Rules withForbidden(IdPair pair) {
    java.util.HashSet<IdPair> more = new java.util.HashSet<>(forbiddenPairs);
    more.add(pair);
    return new Rules(more, lockedPairs, previousPartners);
  }
}
