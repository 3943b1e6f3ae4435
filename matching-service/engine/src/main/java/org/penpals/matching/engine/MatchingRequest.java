package org.penpals.matching.engine;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything a run needs. The candidates may be a whole cohort or any subset (late applicants and
 * the waitlist, say): the engine matches exactly the given candidates, keeping locked pairs.
 *
 * <p>Rejected at construction: duplicate candidate ids; rules naming unknown candidates; a
 * candidate in two locked pairs; a locked pair that is also forbidden or breaks a hard rule.
 *
 * @param partnershipStart the date whose time-zone offsets (daylight saving included) the working
 *     hours criterion uses
 */
public record MatchingRequest(
    List<Candidate> candidates,
    Rules rules,
    Weights weights,
    LeftoverPolicy leftoverPolicy,
    LocalDate partnershipStart,
    MatchingOptions options) {

  public MatchingRequest {
    candidates = List.copyOf(candidates);
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(leftoverPolicy, "leftoverPolicy");
    Objects.requireNonNull(partnershipStart, "partnershipStart");
    Objects.requireNonNull(options, "options");
    Map<String, Candidate> byId = new HashMap<>();
    for (Candidate candidate : candidates) {
      if (byId.put(candidate.id(), candidate) != null) {
        throw new IllegalArgumentException("duplicate candidate id " + candidate.id());
      }
    }
    for (IdPair pair : rules.forbiddenPairs()) {
      requireKnown(byId, pair, "forbidden");
    }
    Map<String, String> locked = new HashMap<>();
    HardRules hardRules = new HardRules(rules);
    for (IdPair pair : rules.lockedPairs()) {
      requireKnown(byId, pair, "locked");
      for (String id : List.of(pair.first(), pair.second())) {
        if (locked.put(id, pair.other(id)) != null) {
          throw new IllegalArgumentException(id + " is in two locked pairs");
        }
      }
      List<String> broken = hardRules.violations(byId.get(pair.first()), byId.get(pair.second()));
      if (!broken.isEmpty()) {
        throw new IllegalArgumentException("locked pair " + pair + " breaks hard rules: " + broken);
      }
    }
  }

  /** A request with default options, the given rules and leftover policy. */
  public static MatchingRequest of(
      List<Candidate> candidates,
      Rules rules,
      Weights weights,
      LeftoverPolicy policy,
      LocalDate start) {
    return new MatchingRequest(candidates, rules, weights, policy, start, MatchingOptions.DEFAULTS);
  }

  public MatchingRequest withOptions(MatchingOptions newOptions) {
    return new MatchingRequest(
        candidates, rules, weights, leftoverPolicy, partnershipStart, newOptions);
  }

  private static void requireKnown(Map<String, Candidate> byId, IdPair pair, String kind) {
    if (!byId.containsKey(pair.first()) || !byId.containsKey(pair.second())) {
      throw new IllegalArgumentException(kind + " pair " + pair + " names an unknown candidate");
    }
  }
}
