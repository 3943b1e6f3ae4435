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
  private final long[] languageFlat; // person i's language words at [i * languageWords, ...)
  private final int languageWords;
  private final long[] interestWord;
  private final boolean singleWords;
  // lookup tables of the score, so that a pair costs a handful of instructions
  private final int[] interestPoints = new int[65];
  private final int[] sectorPoints = new int[18];
  private final int[] experiencePoints = new int[81];
  private final int[] hourPoints = new int[2 * 24 * 60 + 1];
  private final int[] prefOrdinal;
  private final boolean[] restricted;
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
    singleWords = interestIds.size() <= 64;
    languageWords = Math.max(1, (languageIds.size() + 63) / 64);
    for (int shared = 0; shared < interestPoints.length; shared++) {
      interestPoints[shared] = Scorer.interestPoints(weights.interests(), shared);
    }
    for (SectorPreference pa : SectorPreference.values()) {
      for (SectorPreference pb : SectorPreference.values()) {
        for (int same = 0; same < 2; same++) {
          int sides = Scorer.satisfied(pa, same == 1) + Scorer.satisfied(pb, same == 1);
          sectorPoints[pa.ordinal() * 6 + pb.ordinal() * 2 + same] =
              Scorer.sectorPoints(weights.sector(), sides);
        }
      }
    }
    for (int gap = 0; gap < experiencePoints.length; gap++) {
      experiencePoints[gap] =
          Scorer.experiencePoints(weights.experience(), weights.experienceMode(), gap);
    }
    for (int d = 0; d < hourPoints.length; d++) {
      hourPoints[d] = Scorer.hourPoints(weights.workingHours(), Scorer.overlapMinutes(d, 0));
    }
    prefOrdinal = new int[size];
    restricted = new boolean[size];
    languageFlat = new long[size * languageWords];
    interestWord = new long[size];
    for (int i = 0; i < size; i++) {
      prefOrdinal[i] = preference[i].ordinal();
      restricted[i] = avoid[i].length > 0 || excluded[i].length > 0;
      System.arraycopy(languages[i], 0, languageFlat, i * languageWords, languages[i].length);
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
    int la = a * languageWords;
    int lb = b * languageWords;
    for (int w = 0; w < languageWords; w++) {
      if ((languageFlat[la + w] & languageFlat[lb + w]) != 0) {
        return !(restricted[a] || restricted[b]) || avoidAndExclusions(a, b);
      }
    }
    return false;
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
    int offsetGap = Math.abs(offset[a] - offset[b]);
    return interestPoints[shared]
        + sectorPoints[prefOrdinal[a] * 6 + prefOrdinal[b] * 2 + (sector[a] == sector[b] ? 1 : 0)]
        + experiencePoints[Math.abs(years[a] - years[b])]
        + (offsetGap < hourPoints.length
            ? hourPoints[offsetGap]
            : Scorer.hourPoints(
                weights.workingHours(), Scorer.overlapMinutes(offset[a], offset[b])))
        + (region[a] != region[b] ? weights.regionDiversity() : 0);
  }

  /** Whether all interest ids fit one 64-bit word (then {@link #interestWord} is exact). */
  boolean singleWords() {
    return singleWords;
  }

  long interestWord(int i) {
    return interestWord[i];
  }

  /** The best score a pair sharing exactly {@code shared} interests can reach. */
  int maxScoreSharing(int shared) {
    return weights.total()
        - weights.interests()
        + Scorer.interestPoints(weights.interests(), shared);
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
