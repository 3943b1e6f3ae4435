package org.penpals.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The candidates of a request, sorted by id and turned into arrays and bit sets, so that the hard
 * rules and the score of a pair cost a few machine instructions. Agrees exactly with {@link
 * HardRules} and {@link Scorer} (a property test says so).
 */
final class Cohort {
  final Candidate[] people;
  final int size;
  final Map<String, Integer> index = new HashMap<>();
  final int[] country;
  final int[] region;
  final long[][] languages;
  final long[][] interests;
  // the same as single words, when there are at most 64 languages and interests (the usual case)
  private final long[] languageWord;
  private final long[] interestWord;
  private final boolean singleWords;
  final int[] sector;
  final SectorPreference[] preference;
  final int[] years;
  final int[] offset;
  final int[][] avoid;
  final int[][] excluded;
  final int[] lockedWith;
  final List<String> languageNames;
  final Weights weights;
  final Scorer scorer;

  Cohort(MatchingRequest request) {
    people = request.candidates().toArray(Candidate[]::new);
    Arrays.sort(people, Comparator.comparing(Candidate::id));
    size = people.length;
    weights = request.weights();
    scorer = new Scorer(weights, request.partnershipStart());
    Map<String, Integer> countries = ids(p -> List.of(p.country()), p -> p.avoidCountries());
    Map<String, Integer> regions = ids(p -> List.of(p.region()), p -> List.of());
    Map<String, Integer> languageIds = ids(p -> p.correspondenceLanguages(), p -> List.of());
    Map<String, Integer> interestIds = ids(p -> p.interests(), p -> List.of());
    Map<String, Integer> sectors = ids(p -> List.of(p.sector()), p -> List.of());
    languageNames = List.copyOf(languageIds.keySet());
    country = new int[size];
    region = new int[size];
    languages = new long[size][];
    interests = new long[size][];
    sector = new int[size];
    preference = new SectorPreference[size];
    years = new int[size];
    offset = new int[size];
    avoid = new int[size][];
    excluded = new int[size][];
    lockedWith = new int[size];
    Arrays.fill(lockedWith, -1);
    Map<java.time.ZoneId, Integer> offsets = new HashMap<>();
    Map<String, List<Integer>> byPerson = new HashMap<>();
    for (int i = 0; i < size; i++) {
      Candidate p = people[i];
      index.put(p.id(), i);
      country[i] = countries.get(p.country());
      region[i] = regions.get(p.region());
      languages[i] = bits(p.correspondenceLanguages(), languageIds);
      interests[i] = bits(p.interests(), interestIds);
      sector[i] = sectors.get(p.sector());
      preference[i] = p.sectorPreference();
      years[i] = p.yearsInProfession();
      offset[i] = offsets.computeIfAbsent(p.zoneId(), scorer::offsetMinutes);
      avoid[i] = p.avoidCountries().stream().mapToInt(countries::get).sorted().toArray();
      byPerson.computeIfAbsent(p.personKey(), k -> new ArrayList<>()).add(i);
    }
    Map<Integer, List<Integer>> exclusions = new HashMap<>();
    for (IdPair pair : request.rules().forbiddenPairs()) {
      exclude(exclusions, index.get(pair.first()), index.get(pair.second()));
    }
    for (IdPair pair : request.rules().previousPartners()) {
      for (int a : byPerson.getOrDefault(pair.first(), List.of())) {
        for (int b : byPerson.getOrDefault(pair.second(), List.of())) {
          exclude(exclusions, a, b);
        }
      }
    }
    for (List<Integer> same : byPerson.values()) {
      for (int a : same) {
        for (int b : same) {
          if (a < b) {
            exclude(exclusions, a, b);
          }
        }
      }
    }
    for (int i = 0; i < size; i++) {
      excluded[i] =
          exclusions.getOrDefault(i, List.of()).stream()
              .mapToInt(Integer::intValue)
              .distinct()
              .sorted()
              .toArray();
    }
    singleWords = languageIds.size() <= 64 && interestIds.size() <= 64;
    languageWord = new long[size];
    interestWord = new long[size];
    for (int i = 0; i < size; i++) {
      languageWord[i] = languages[i].length == 0 ? 0 : languages[i][0];
      interestWord[i] = interests[i].length == 0 ? 0 : interests[i][0];
    }
    for (IdPair pair : request.rules().lockedPairs()) {
      int a = index.get(pair.first());
      int b = index.get(pair.second());
      lockedWith[a] = b;
      lockedWith[b] = a;
    }
  }

  private interface Values {
    java.util.Collection<String> of(Candidate candidate);
  }

  private Map<String, Integer> ids(Values values, Values more) {
    TreeSet<String> all = new TreeSet<>();
    for (Candidate p : people) {
      all.addAll(values.of(p));
      all.addAll(more.of(p));
    }
    Map<String, Integer> ids = new TreeMap<>();
    for (String value : all) {
      ids.put(value, ids.size());
    }
    return ids;
  }

  private static long[] bits(java.util.Collection<String> values, Map<String, Integer> ids) {
    long[] words = new long[(ids.size() + 63) / 64];
    for (String value : values) {
      int id = ids.get(value);
      words[id >> 6] |= 1L << (id & 63);
    }
    return words;
  }

  private static void exclude(Map<Integer, List<Integer>> exclusions, int a, int b) {
    exclusions.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
    exclusions.computeIfAbsent(b, k -> new ArrayList<>()).add(a);
  }

  /** The hard rules, ignoring locks. */
  boolean valid(int a, int b) {
    if (a == b || country[a] == country[b]) {
      return false;
    }
    if (singleWords) {
      if ((languageWord[a] & languageWord[b]) == 0) {
        return false;
      }
      return avoidAndExclusions(a, b);
    }
    long[] la = languages[a];
    long[] lb = languages[b];
    boolean shared = false;
    for (int w = 0; w < la.length; w++) {
      if ((la[w] & lb[w]) != 0) {
        shared = true;
        break;
      }
    }
    if (!shared) {
      return false;
    }
    return avoidAndExclusions(a, b);
  }

  private boolean avoidAndExclusions(int a, int b) {
    if (avoid[a].length > 0 && Arrays.binarySearch(avoid[a], country[b]) >= 0) {
      return false;
    }
    if (avoid[b].length > 0 && Arrays.binarySearch(avoid[b], country[a]) >= 0) {
      return false;
    }
    return excluded[a].length == 0 || Arrays.binarySearch(excluded[a], b) < 0;
  }

  /** The hard rules including locks: what {@link HardRules#allows} says. */
  boolean allowed(int a, int b) {
    return valid(a, b)
        && (lockedWith[a] < 0 || lockedWith[a] == b)
        && (lockedWith[b] < 0 || lockedWith[b] == a);
  }

  /** What {@link Scorer#score} says, without building an explanation. */
  int score(int a, int b) {
    int shared = 0;
    if (singleWords) {
      shared = Long.bitCount(interestWord[a] & interestWord[b]);
    } else {
      long[] ia = interests[a];
      long[] ib = interests[b];
      for (int w = 0; w < ia.length; w++) {
        shared += Long.bitCount(ia[w] & ib[w]);
      }
    }
    boolean sameSector = sector[a] == sector[b];
    int sides =
        Scorer.satisfied(preference[a], sameSector) + Scorer.satisfied(preference[b], sameSector);
    return Scorer.interestPoints(weights.interests(), shared)
        + Scorer.sectorPoints(weights.sector(), sides)
        + Scorer.experiencePoints(
            weights.experience(), weights.experienceMode(), Math.abs(years[a] - years[b]))
        + Scorer.hourPoints(weights.workingHours(), Scorer.overlapMinutes(offset[a], offset[b]))
        + Scorer.regionPoints(weights.regionDiversity(), region[a] != region[b]);
  }

  /** Language ids person {@code i} corresponds in. */
  int[] languagesOf(int i) {
    int count = 0;
    for (long word : languages[i]) {
      count += Long.bitCount(word);
    }
    int[] ids = new int[count];
    int k = 0;
    for (int w = 0; w < languages[i].length; w++) {
      long word = languages[i][w];
      while (word != 0) {
        ids[k++] = w * 64 + Long.numberOfTrailingZeros(word);
        word &= word - 1;
      }
    }
    return ids;
  }

  /** Interest ids of person {@code i}. */
  int[] interestsOf(int i) {
    int count = 0;
    for (long word : interests[i]) {
      count += Long.bitCount(word);
    }
    int[] ids = new int[count];
    int k = 0;
    for (int w = 0; w < interests[i].length; w++) {
      long word = interests[i][w];
      while (word != 0) {
        ids[k++] = w * 64 + Long.numberOfTrailingZeros(word);
        word &= word - 1;
      }
    }
    return ids;
  }
}
