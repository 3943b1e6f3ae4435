package org.penpals.matching.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The hard rules of a partnership, checkable for any two candidates: different countries of work, a
 * shared correspondence language, neither side's country on the other's list to avoid, never
 * partners in an earlier cycle, not a pair staff forbade, and nobody locked to someone else. A
 * group of three must satisfy them for each of its three pairs.
 */
public final class HardRules {
  private final Rules rules;
  private final Map<String, String> lockedWith = new HashMap<>();

  public HardRules(Rules rules) {
    this.rules = Objects.requireNonNull(rules, "rules");
    for (IdPair locked : rules.lockedPairs()) {
      lockedWith.put(locked.first(), locked.second());
      lockedWith.put(locked.second(), locked.first());
    }
  }

  /** Whether {@code a} and {@code b} may be partners. */
  public boolean allows(Candidate a, Candidate b) {
    return violations(a, b).isEmpty();
  }

  /** Every rule the pair breaks, in words for staff; empty if the pair is allowed. */
  public List<String> violations(Candidate a, Candidate b) {
    List<String> broken = new ArrayList<>();
    if (a.id().equals(b.id())) {
      return List.of("a candidate cannot partner themselves");
    }
    if (a.country().equals(b.country())) {
      broken.add("both work in " + a.country());
    }
    if (Collections.disjoint(a.correspondenceLanguages(), b.correspondenceLanguages())) {
      broken.add(
          "no shared correspondence language ("
              + a.correspondenceLanguages()
              + " / "
              + b.correspondenceLanguages()
              + ")");
    }
    if (a.avoidCountries().contains(b.country())) {
      broken.add(a.id() + " asked to avoid partners from " + b.country());
    }
    if (b.avoidCountries().contains(a.country())) {
      broken.add(b.id() + " asked to avoid partners from " + a.country());
    }
    if (!a.personKey().equals(b.personKey())
        && rules.previousPartners().contains(IdPair.of(a.personKey(), b.personKey()))) {
      broken.add("partners in an earlier cycle");
    }
    if (a.personKey().equals(b.personKey())) {
      broken.add("the same person");
    }
    if (rules.forbiddenPairs().contains(IdPair.of(a.id(), b.id()))) {
      broken.add("staff forbade this pair");
    }
    String lockedA = lockedWith.get(a.id());
    if (lockedA != null && !lockedA.equals(b.id())) {
      broken.add(a.id() + " is locked with " + lockedA);
    }
    String lockedB = lockedWith.get(b.id());
    if (lockedB != null && !lockedB.equals(a.id())) {
      broken.add(b.id() + " is locked with " + lockedB);
    }
    return List.copyOf(broken);
  }
}
