package org.penpals.matching.benchmark;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.penpals.cohort.CohortGenerator;
import org.penpals.cohort.SyntheticApplicant;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.matching.engine.Candidate;
import org.penpals.matching.engine.SectorPreference;

/** Synthetic applicants of the foundation's generator, as engine candidates. */
public final class Cohorts {
  private Cohorts() {}

  /** {@code n} seeded applicants; ids {@code a000001...} keep the generator's order. */
  public static List<Candidate> generate(long seed, int n) {
    List<SyntheticApplicant> applicants = new CohortGenerator(seed).generate(n);
    List<Candidate> candidates = new ArrayList<>(n);
    for (int i = 0; i < applicants.size(); i++) {
      candidates.add(toCandidate(String.format("a%07d", i + 1), applicants.get(i)));
    }
    return candidates;
  }

  /** The region is the continent part of the IANA zone ("Europe", "America", ...). */
  public static Candidate toCandidate(String id, SyntheticApplicant a) {
    Set<String> correspondence = new TreeSet<>();
    Set<String> other = new TreeSet<>();
    for (LanguageSkill skill : a.languages()) {
      (skill.correspondence() ? correspondence : other).add(skill.code());
    }
    String zone = a.timeZone();
    String region = zone.contains("/") ? zone.substring(0, zone.indexOf('/')) : zone;
    return new Candidate(
        id,
        a.email(),
        a.countryCode(),
        region,
        correspondence,
        other,
        Set.copyOf(a.interests()),
        a.sector().name(),
        SectorPreference.valueOf(a.preferences().sector().name()),
        a.yearsInProfession(),
        ZoneId.of(zone),
        Set.copyOf(a.preferences().avoidCountries()));
  }
}
