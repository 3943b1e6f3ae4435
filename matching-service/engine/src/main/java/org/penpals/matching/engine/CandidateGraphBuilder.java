package org.penpals.matching.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the candidate graph. Below {@code denseBelow}: every valid pair. Below {@code
 * exhaustiveBelow}: every valid pair is scored and each person keeps their best k. Above: each
 * person's best k among a seeded sample of people sharing a correspondence language (8k of them)
 * and people sharing an interest in that language (4k more). Then a repair pass: a greedy matching
 * shows who is likely to be left over, and valid edges between left-over people are added, so that
 * nobody is cut off merely because everyone on their list is popular.
 */
final class CandidateGraphBuilder {
  private static final int REPAIR_EDGES_PER_PERSON = 10;

  /**
   * Valid partners drawn at random per person, beside the k best: a random sparse graph has a
   * near-maximum matching, which top-score lists alone do not (popular people become hubs).
   */
  static final int RANDOM_PARTNERS = 5;

  /** Below this many people a second thread costs more than it saves. */
  private static final int PARALLEL_FROM = 20_000;

  private final Cohort cohort;
  private final MatchingOptions options;
  private final Cancellation cancellation;
  private final ProgressListener progress;

  CandidateGraphBuilder(
      Cohort cohort,
      MatchingOptions options,
      Cancellation cancellation,
      ProgressListener progress) {
    this.cohort = cohort;
    this.options = options;
    this.cancellation = cancellation;
    this.progress = progress;
  }

  CandidateGraph build() {
    int[] vertices =
        java.util.stream.IntStream.range(0, cohort.size)
            .filter(i -> cohort.lockedWith[i] < 0)
            .toArray();
    int m = vertices.length;
    long[] keys;
    boolean dense = m < options.denseBelow();
    if (dense) {
      keys = allValid(vertices);
    } else {
      int k = Math.min(options.candidatesPerPerson(), Math.max(1, m - 1));
      TopK top = new TopK(m, k);
      if (m < options.exhaustiveBelow()) {
        exhaustive(vertices, top);
      } else {
        sampled(vertices, top);
      }
      keys = merge(top.edgeKeys(), randomPartners(vertices));
      keys = repair(vertices, keys);
    }
    int[] from = new int[keys.length];
    int[] to = new int[keys.length];
    int[] score = new int[keys.length];
    for (int e = 0; e < keys.length; e++) {
      from[e] = (int) (keys[e] >>> 32);
      to[e] = (int) keys[e];
      score[e] = cohort.score(vertices[from[e]], vertices[to[e]]);
    }
    List<String> ids = new ArrayList<>(m);
    for (int v : vertices) {
      ids.add(cohort.people[v].id());
    }
    return new CandidateGraph(ids, vertices, from, to, score, dense, cohort.weights.total());
  }

  /** {@value #RANDOM_PARTNERS} valid partners per person, drawn from everyone (seeded). */
  private long[] randomPartners(int[] vertices) {
    int m = vertices.length;
    LongList keys = new LongList();
    for (int a = 0; a < m; a++) {
      if ((a & 1023) == 0) {
        checkCancelled();
      }
      SplittableRandom random = new SplittableRandom(~options.seed() * 0xC2B2AE3D27D4EB4FL + a);
      int found = 0;
      for (int attempt = 0; attempt < 40 * RANDOM_PARTNERS && found < RANDOM_PARTNERS; attempt++) {
        int b = random.nextInt(m);
        if (b != a && cohort.valid(vertices[a], vertices[b])) {
          keys.add(((long) Math.min(a, b) << 32) | Math.max(a, b));
          found++;
        }
      }
    }
    return keys.toArray();
  }

  /** Sorted distinct union of sorted distinct {@code a} and any {@code b}. */
  private static long[] merge(long[] a, long[] b) {
    long[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    Arrays.sort(all);
    int distinct = 0;
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        all[distinct++] = all[i];
      }
    }
    return Arrays.copyOf(all, distinct);
  }

  private void checkCancelled() {
    if (cancellation.isCancelled()) {
      throw new MatchingCancelledException(MatchingPhase.CANDIDATE_GRAPH);
    }
  }

  private void report(int done, int of) {
    progress.onProgress(
        MatchingPhase.CANDIDATE_GRAPH,
        of == 0 ? 1 : (double) done / of,
        done + " of " + of + " people");
  }

  private long[] allValid(int[] vertices) {
    LongList keys = new LongList();
    for (int a = 0; a < vertices.length; a++) {
      if ((a & 255) == 0) {
        checkCancelled();
      }
      for (int b = a + 1; b < vertices.length; b++) {
        if (cohort.valid(vertices[a], vertices[b])) {
          keys.add(((long) a << 32) | b);
        }
      }
    }
    return keys.toArray();
  }

  /**
   * Each person's exact k best, without scoring every pair: pairs sharing two or more interests
   * first (found through interest buckets); then, only for people whose k-th best could still be
   * beaten by a pair sharing one interest, those pairs; then, only where even a pair sharing none
   * could enter, everyone. Exact because a pair's score is at most {@link Cohort#maxScoreSharing}
   * of its shared interests.
   */
  private void exhaustive(int[] vertices, TopK top) {
    int m = vertices.length;
    if (!cohort.singleWords() || cohort.weights.interests() == 0) {
      allPairs(vertices, top);
      return;
    }
    long[] words = new long[m];
    int interestCount = 0;
    for (int a = 0; a < m; a++) {
      words[a] = cohort.interestWord(vertices[a]);
      interestCount = Math.max(interestCount, 64 - Long.numberOfLeadingZeros(words[a]));
    }
    int[][] byInterest = bucket(vertices, interestCount, cohort::interestsOf);
    int interests = interestCount;
    int pairKeys = interestCount * interestCount;
    int[][] byPair =
        bucket(
            vertices,
            Math.max(1, pairKeys),
            v -> {
              int[] ids = cohort.interestsOf(v);
              int[] keys = new int[ids.length * (ids.length - 1) / 2];
              int x = 0;
              for (int i = 0; i < ids.length; i++) {
                for (int j = i + 1; j < ids.length; j++) {
                  keys[x++] = ids[i] * interests + ids[j];
                }
              }
              return keys;
            });
    int[] cap = new int[4];
    for (int shared = 0; shared < cap.length; shared++) {
      cap[shared] = cohort.maxScoreSharing(shared);
    }
    for (int a = 0; a < m; a++) {
      if ((a & 255) == 0) {
        checkCancelled();
        report(a, 2 * m);
      }
      int pa = vertices[a];
      long wa = words[a];
      for (long first = wa; first != 0; first &= first - 1) {
        int i = Long.numberOfTrailingZeros(first);
        for (long second = first & (first - 1); second != 0; second &= second - 1) {
          int j = Long.numberOfTrailingZeros(second);
          for (int b : byPair[i * interestCount + j]) {
            if (b <= a) {
              continue;
            }
            // each pair once: at its two lowest shared interests
            long common = wa & words[b];
            if (Long.numberOfTrailingZeros(common) != i
                || Long.numberOfTrailingZeros(common & (common - 1)) != j) {
              continue;
            }
            // the score is at most cap[shared]: if neither list could take that, skip the rules
            int bound = cap[Math.min(Long.bitCount(common), 3)];
            if (!top.mayTake(a, bound) && !top.mayTake(b, bound)) {
              continue;
            }
            int pb = vertices[b];
            if (cohort.valid(pa, pb)) {
              int s = cohort.score(pa, pb);
              if (top.mayTake(a, s)) {
                top.offer(a, b, s);
              }
              if (top.mayTake(b, s)) {
                top.offer(b, a, s);
              }
            }
          }
        }
      }
    }
    int withOne = cohort.maxScoreSharing(1);
    int withNone = cohort.maxScoreSharing(0);
    boolean[] needsOne = new boolean[m];
    for (int a = 0; a < m; a++) {
      needsOne[a] = top.mayTake(a, withOne);
    }
    // passes 2 and 3 only add to each person's own list, so people can be done in parallel (the
    // result does not depend on the order of offers); progress is reported from this thread only
    report(m, 2 * m);
    java.util.stream.IntStream chunks = java.util.stream.IntStream.range(0, (m + 255) / 256);
    (m >= PARALLEL_FROM ? chunks.parallel() : chunks)
        .forEach(
            chunk -> {
              checkCancelled();
              for (int a = chunk * 256; a < Math.min(m, chunk * 256 + 256); a++) {
                if (needsOne[a]) {
                  sharingOne(a, vertices, words, byInterest, top);
                }
                if (top.mayTake(a, withNone)) {
                  sharingNone(a, vertices, words, top);
                }
              }
            });
  }

  private void sharingOne(int a, int[] vertices, long[] words, int[][] byInterest, TopK top) {
    int pa = vertices[a];
    long wa = words[a];
    for (long bits = wa; bits != 0; bits &= bits - 1) {
      for (int b : byInterest[Long.numberOfTrailingZeros(bits)]) {
        if (Long.bitCount(wa & words[b]) == 1 && cohort.valid(pa, vertices[b])) {
          int s = cohort.score(pa, vertices[b]);
          if (top.mayTake(a, s)) {
            top.offer(a, b, s);
          }
        }
      }
    }
  }

  private void sharingNone(int a, int[] vertices, long[] words, TopK top) {
    int pa = vertices[a];
    long wa = words[a];
    for (int b = 0; b < vertices.length; b++) {
      if ((wa & words[b]) == 0 && cohort.valid(pa, vertices[b])) {
        int s = cohort.score(pa, vertices[b]);
        if (top.mayTake(a, s)) {
          top.offer(a, b, s);
        }
      }
    }
  }

  private void allPairs(int[] vertices, TopK top) {
    int m = vertices.length;
    for (int a = 0; a < m; a++) {
      if ((a & 255) == 0) {
        checkCancelled();
        report(a, m);
      }
      int pa = vertices[a];
      for (int b = a + 1; b < m; b++) {
        int pb = vertices[b];
        if (cohort.valid(pa, pb)) {
          int s = cohort.score(pa, pb);
          if (top.mayTake(a, s)) {
            top.offer(a, b, s);
          }
          if (top.mayTake(b, s)) {
            top.offer(b, a, s);
          }
        }
      }
    }
  }

  private void sampled(int[] vertices, TopK top) {
    int m = vertices.length;
    int languageCount = cohort.languageNames.size();
    int[][] byLanguage = bucket(vertices, languageCount, cohort::languagesOf);
    int interestCount = 0;
    for (int v : vertices) {
      for (int id : cohort.interestsOf(v)) {
        interestCount = Math.max(interestCount, id + 1);
      }
    }
    int interestsPerLanguage = interestCount;
    int[][] byLanguageInterest =
        bucket(
            vertices,
            languageCount * Math.max(1, interestCount),
            v -> {
              int[] ls = cohort.languagesOf(v);
              int[] is = cohort.interestsOf(v);
              int[] keys = new int[ls.length * is.length];
              int x = 0;
              for (int l : ls) {
                for (int i : is) {
                  keys[x++] = l * interestsPerLanguage + i;
                }
              }
              return keys;
            });
    int k = top.k;
    int languageSample = 8 * k;
    int interestSample = 4 * k;
    int[] seen = new int[m];
    Arrays.fill(seen, -1);
    for (int a = 0; a < m; a++) {
      if ((a & 1023) == 0) {
        checkCancelled();
        report(a, m);
      }
      int pa = vertices[a];
      SplittableRandom random = new SplittableRandom(options.seed() * 0x9E3779B97F4A7C15L + a);
      int[] langs = cohort.languagesOf(pa);
      long total = 0;
      for (int l : langs) {
        total += byLanguage[l].length;
      }
      for (int l : langs) {
        int[] bucket = byLanguage[l];
        int draws =
            (int)
                Math.min(bucket.length, Math.ceil((double) languageSample * bucket.length / total));
        draw(a, bucket, draws, random, seen, top, vertices);
      }
      int[] interests = cohort.interestsOf(pa);
      int buckets = langs.length * interests.length;
      for (int l : langs) {
        for (int i : interests) {
          int[] bucket = byLanguageInterest[l * interestsPerLanguage + i];
          draw(
              a,
              bucket,
              Math.min(bucket.length, interestSample / Math.max(1, buckets) + 1),
              random,
              seen,
              top,
              vertices);
        }
      }
    }
  }

  private void draw(
      int a,
      int[] bucket,
      int draws,
      SplittableRandom random,
      int[] seen,
      TopK top,
      int[] vertices) {
    if (bucket.length == 0) {
      return;
    }
    boolean all = draws >= bucket.length;
    for (int d = 0; d < draws; d++) {
      int b = all ? bucket[d] : bucket[random.nextInt(bucket.length)];
      if (b == a || seen[b] == a) {
        continue;
      }
      seen[b] = a;
      if (cohort.valid(vertices[a], vertices[b])) {
        int s = cohort.score(vertices[a], vertices[b]);
        if (top.mayTake(a, s)) {
          top.offer(a, b, s);
        }
        if (top.mayTake(b, s)) {
          top.offer(b, a, s);
        }
      }
    }
  }

  private interface Keys {
    int[] of(int person);
  }

  /** Graph vertices (positions in {@code vertices}) grouped by the keys of each person. */
  private static int[][] bucket(int[] vertices, int keyCount, Keys keys) {
    int[] counts = new int[keyCount];
    for (int v : vertices) {
      for (int key : keys.of(v)) {
        counts[key]++;
      }
    }
    int[][] buckets = new int[keyCount][];
    for (int key = 0; key < keyCount; key++) {
      buckets[key] = new int[counts[key]];
    }
    Arrays.fill(counts, 0);
    for (int a = 0; a < vertices.length; a++) {
      for (int key : keys.of(vertices[a])) {
        buckets[key][counts[key]++] = a;
      }
    }
    return buckets;
  }

  /**
   * Finds who a greedy matching leaves over, and links left-over people who are valid partners (up
   * to {@value #REPAIR_EDGES_PER_PERSON} new edges each).
   */
  private long[] repair(int[] vertices, long[] keys) {
    int m = vertices.length;
    long[] order = new long[keys.length];
    int maxScore = cohort.weights.total();
    for (int e = 0; e < keys.length; e++) {
      int s = cohort.score(vertices[(int) (keys[e] >>> 32)], vertices[(int) keys[e]]);
      order[e] = ((long) (maxScore - s) << 32) | e;
    }
    Arrays.sort(order);
    boolean[] matched = new boolean[m];
    for (long o : order) {
      int e = (int) o;
      int a = (int) (keys[e] >>> 32);
      int b = (int) keys[e];
      if (!matched[a] && !matched[b]) {
        matched[a] = true;
        matched[b] = true;
      }
    }
    int[] left = java.util.stream.IntStream.range(0, m).filter(a -> !matched[a]).toArray();
    if (left.length < 2) {
      return keys;
    }
    int languageCount = cohort.languageNames.size();
    int[] leftPeople = new int[left.length];
    for (int i = 0; i < left.length; i++) {
      leftPeople[i] = vertices[left[i]];
    }
    int[][] byLanguage = bucket(leftPeople, languageCount, cohort::languagesOf);
    java.util.HashSet<Long> addedKeys = new java.util.HashSet<>();
    LongList added = new LongList();
    int[] addedCount = new int[left.length];
    for (int x = 0; x < left.length; x++) {
      if ((x & 255) == 0) {
        checkCancelled();
      }
      for (int l : cohort.languagesOf(leftPeople[x])) {
        for (int y : byLanguage[l]) {
          if (addedCount[x] >= REPAIR_EDGES_PER_PERSON) {
            break;
          }
          if (y <= x || addedCount[y] >= REPAIR_EDGES_PER_PERSON) {
            continue;
          }
          if (cohort.valid(leftPeople[x], leftPeople[y])) {
            long key = ((long) left[x] << 32) | left[y];
            if (Arrays.binarySearch(keys, key) < 0 && addedKeys.add(key)) {
              added.add(key);
              addedCount[x]++;
              addedCount[y]++;
            }
          }
        }
      }
    }
    if (added.size() == 0) {
      return keys;
    }
    long[] all = Arrays.copyOf(keys, keys.length + added.size());
    System.arraycopy(added.toArray(), 0, all, keys.length, added.size());
    Arrays.sort(all);
    return all;
  }

  /** Each person's best k partners so far (score, then lower index, wins). */
  static final class TopK {
    final int k;
    private final int[] scores;
    private final int[] others;
    private final int[] sizes;
    private final int[] threshold;

    TopK(int people, int k) {
      this.k = k;
      scores = new int[people * k];
      others = new int[people * k];
      sizes = new int[people];
      threshold = new int[people];
      Arrays.fill(threshold, Integer.MIN_VALUE);
    }

    /** Whether (s1, o1) is worse than (s2, o2). */
    private static boolean worse(int s1, int o1, int s2, int o2) {
      return s1 < s2 || (s1 == s2 && o1 > o2);
    }

    /** Whether {@code score} could enter the person's list (a cheap test before {@link #offer}). */
    boolean mayTake(int person, int score) {
      return score >= threshold[person];
    }

    void offer(int person, int other, int score) {
      int base = person * k;
      int size = sizes[person];
      if (size < k) {
        int i = size;
        sizes[person] = size + 1;
        while (i > 0) {
          int parent = (i - 1) >>> 1;
          if (!worse(score, other, scores[base + parent], others[base + parent])) {
            break;
          }
          scores[base + i] = scores[base + parent];
          others[base + i] = others[base + parent];
          i = parent;
        }
        scores[base + i] = score;
        others[base + i] = other;
        if (size + 1 == k) {
          threshold[person] = scores[base];
        }
        return;
      }
      if (!worse(scores[base], others[base], score, other)) {
        return;
      }
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= k) {
          break;
        }
        if (child + 1 < k
            && worse(
                scores[base + child + 1],
                others[base + child + 1],
                scores[base + child],
                others[base + child])) {
          child++;
        }
        if (!worse(scores[base + child], others[base + child], score, other)) {
          break;
        }
        scores[base + i] = scores[base + child];
        others[base + i] = others[base + child];
        i = child;
      }
      scores[base + i] = score;
      others[base + i] = other;
      threshold[person] = scores[base];
    }

    /** The union of everyone's lists as sorted, distinct keys {@code min << 32 | max}. */
    long[] edgeKeys() {
      LongList keys = new LongList();
      for (int person = 0; person < sizes.length; person++) {
        for (int i = 0; i < sizes[person]; i++) {
          int other = others[person * k + i];
          keys.add(((long) Math.min(person, other) << 32) | Math.max(person, other));
        }
      }
      long[] sorted = keys.toArray();
      Arrays.sort(sorted);
      int distinct = 0;
      for (int i = 0; i < sorted.length; i++) {
        if (i == 0 || sorted[i] != sorted[i - 1]) {
          sorted[distinct++] = sorted[i];
        }
      }
      return Arrays.copyOf(sorted, distinct);
    }
  }

  static final class LongList {
    private long[] items = new long[1024];
    private int size;

    void add(long value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }

    int size() {
      return size;
    }

    long[] toArray() {
      return Arrays.copyOf(items, size);
    }
  }
}
