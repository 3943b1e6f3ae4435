package org.penpals.matching.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/** Seeded random requests for property tests: skewed countries, language islands, rules. */
final class RandomCohorts {
  static final LocalDate START = LocalDate.of(2027, 3, 29);
  private static final String[] COUNTRIES = {"AU", "US", "GB", "BG", "MX", "FR", "CN", "KE", "IS"};
  private static final String[] REGIONS = {
    "Oceania", "America", "Europe", "Europe", "America", "Europe", "Asia", "Africa", "Europe"
  };
  private static final String[] ZONES = {
    "Australia/Sydney",
    "America/New_York",
    "Europe/London",
    "Europe/Sofia",
    "America/Mexico_City",
    "Europe/Paris",
    "Asia/Shanghai",
    "Africa/Nairobi",
    "Atlantic/Reykjavik"
  };
  private static final String[] LANGUAGES = {"en", "es", "fr", "zh", "is"};
  private static final String[] INTERESTS = {
    "open-access",
    "outreach",
    "children",
    "archives",
    "metadata",
    "research-data",
    "makerspaces",
    "advocacy"
  };
  private static final String[] SECTORS = {"ACADEMIC", "PUBLIC", "SCHOOL", "SPECIAL"};

  private RandomCohorts() {}

  static MatchingRequest request(long seed, int n, LeftoverPolicy policy) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Candidate> candidates = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int c = random.nextInt(3) == 0 ? 0 : random.nextInt(COUNTRIES.length);
      Set<String> languages = new HashSet<>();
      languages.add(c == 6 ? "zh" : c == 8 ? "is" : c == 4 ? "es" : c == 5 ? "fr" : "en");
      if (random.nextInt(4) == 0) {
        languages.add(LANGUAGES[random.nextInt(LANGUAGES.length)]);
      }
      Set<String> interests = new HashSet<>();
      for (int k = 1 + random.nextInt(4); k > 0; k--) {
        interests.add(INTERESTS[random.nextInt(INTERESTS.length)]);
      }
      Set<String> avoid = new HashSet<>();
      if (random.nextInt(15) == 0) {
        int a = random.nextInt(COUNTRIES.length);
        if (a != c) {
          avoid.add(COUNTRIES[a]);
        }
      }
      candidates.add(
          new Candidate(
              String.format("p%04d", i),
              "key" + i,
              COUNTRIES[c],
              REGIONS[c],
              languages,
              Set.of(),
              interests,
              SECTORS[random.nextInt(SECTORS.length)],
              SectorPreference.values()[random.nextInt(3)],
              random.nextInt(30),
              ZoneId.of(ZONES[c]),
              avoid));
    }
    HardRules plain = new HardRules(Rules.NONE);
    Set<IdPair> forbidden = new HashSet<>();
    Set<IdPair> previous = new HashSet<>();
    Set<IdPair> locked = new HashSet<>();
    Set<String> lockedIds = new HashSet<>();
    for (int t = 0; t < n / 5 && n > 1; t++) {
      Candidate a = candidates.get(random.nextInt(n));
      Candidate b = candidates.get(random.nextInt(n));
      if (a == b) {
        continue;
      }
      switch (random.nextInt(3)) {
        case 0 -> forbidden.add(IdPair.of(a.id(), b.id()));
        case 1 -> previous.add(IdPair.of(a.personKey(), b.personKey()));
        default -> {
          if (random.nextInt(3) == 0
              && plain.allows(a, b)
              && !lockedIds.contains(a.id())
              && !lockedIds.contains(b.id())) {
            locked.add(IdPair.of(a.id(), b.id()));
            lockedIds.add(a.id());
            lockedIds.add(b.id());
          }
        }
      }
    }
    forbidden.removeAll(locked);
    Set<IdPair> lockedPeople = new HashSet<>();
    for (IdPair pair : locked) {
      Candidate a = byId(candidates, pair.first());
      Candidate b = byId(candidates, pair.second());
      lockedPeople.add(IdPair.of(a.personKey(), b.personKey()));
    }
    previous.removeAll(lockedPeople);
    Weights weights =
        new Weights(
            random.nextInt(500),
            random.nextInt(300),
            random.nextInt(300),
            random.nextBoolean() ? ExperienceMode.COMPLEMENTARY : ExperienceMode.SIMILAR,
            random.nextInt(300),
            random.nextInt(200));
    return new MatchingRequest(
        candidates,
        new Rules(forbidden, locked, previous),
        weights,
        policy,
        START,
        MatchingOptions.DEFAULTS);
  }

  static Candidate byId(List<Candidate> candidates, String id) {
    return candidates.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }
}
