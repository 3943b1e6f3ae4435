package org.penpals.matching.engine;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Scores and explains a pair: the sum of whole points per {@link Criterion}, each a fraction of its
 * weight rounded down, so the explanation adds up exactly. Symmetric: {@code score(a, b) ==
 * score(b, a)}. Hard rules are not checked here (see {@link HardRules}).
 *
 * <ul>
 *   <li>interests: {@code weight * min(shared, 3) / 3}
 *   <li>sector: {@code weight * sidesSatisfied / 2}; a side is satisfied by NO_PREFERENCE, by SAME
 *       with equal sectors, by DIFFERENT with different ones
 *   <li>experience: with {@code gap = |years a - years b|} capped at 10, COMPLEMENTARY gives {@code
 *       weight * gap / 10}, SIMILAR {@code weight * (10 - gap) / 10}
 *   <li>working hours: the overlap of both 09:00-17:00 days in minutes, with each zone's offset on
 *       the partnership's start date (so daylight saving is as it will be then): {@code weight *
 *       overlap / 480}
 *   <li>region diversity: the full weight if the regions differ, else nothing
 * </ul>
 */
public final class Scorer {
  static final int WORKDAY_MINUTES = 8 * 60;
  private final Weights weights;
  private final LocalDate partnershipStart;

  public Scorer(Weights weights, LocalDate partnershipStart) {
    this.weights = Objects.requireNonNull(weights, "weights");
    this.partnershipStart = Objects.requireNonNull(partnershipStart, "partnershipStart");
  }

  public Weights weights() {
    return weights;
  }

  /** The pair's score in points, {@code 0..weights().total()}. */
  public int score(Candidate a, Candidate b) {
    return explain(a, b).score();
  }

  /** The score with one line per criterion. */
  public PairScore explain(Candidate a, Candidate b) {
    List<ExplanationLine> lines = new ArrayList<>(5);
    TreeSet<String> shared = new TreeSet<>(a.interests());
    shared.retainAll(b.interests());
    lines.add(
        new ExplanationLine(
            a.id(),
            b.id(),
            Criterion.INTERESTS,
            interestPoints(weights.interests(), shared.size()),
            shared.isEmpty()
                ? "no shared interests"
                : "share " + shared.size() + " interest(s): " + String.join(", ", shared)));
    int sides = sectorSides(a, b);
    lines.add(
        new ExplanationLine(
            a.id(),
            b.id(),
            Criterion.SECTOR,
            sectorPoints(weights.sector(), sides),
            sides
                + " of 2 sector wishes met ("
                + a.sector()
                + " "
                + a.sectorPreference()
                + ", "
                + b.sector()
                + " "
                + b.sectorPreference()
                + ")"));
    int gap = Math.abs(a.yearsInProfession() - b.yearsInProfession());
    lines.add(
        new ExplanationLine(
            a.id(),
            b.id(),
            Criterion.EXPERIENCE,
            experiencePoints(weights.experience(), weights.experienceMode(), gap),
            gap
                + " years apart ("
                + a.yearsInProfession()
                + " and "
                + b.yearsInProfession()
                + "), "
                + weights.experienceMode().name().toLowerCase(java.util.Locale.ROOT)
                + " wanted"));
    int offsetA = offsetMinutes(a.zoneId());
    int offsetB = offsetMinutes(b.zoneId());
    int overlap = overlapMinutes(offsetA, offsetB);
    lines.add(
        new ExplanationLine(
            a.id(),
            b.id(),
            Criterion.WORKING_HOURS,
            hourPoints(weights.workingHours(), overlap),
            "working days overlap "
                + overlap / 60
                + "h"
                + (overlap % 60 < 10 ? "0" : "")
                + overlap % 60
                + " ("
                + a.zoneId()
                + " and "
                + b.zoneId()
                + " on "
                + partnershipStart
                + ")"));
    boolean differentRegions = !a.region().equals(b.region());
    lines.add(
        new ExplanationLine(
            a.id(),
            b.id(),
            Criterion.REGION_DIVERSITY,
            regionPoints(weights.regionDiversity(), differentRegions),
            differentRegions
                ? "different regions (" + a.region() + ", " + b.region() + ")"
                : "same region (" + a.region() + ")"));
    int score = lines.stream().mapToInt(ExplanationLine::points).sum();
    return new PairScore(score, lines);
  }

  /** UTC offset of {@code zone} in minutes at noon UTC on the partnership's start date. */
  int offsetMinutes(ZoneId zone) {
    ZoneOffset offset =
        zone.getRules().getOffset(partnershipStart.atTime(12, 0).toInstant(ZoneOffset.UTC));
    return offset.getTotalSeconds() / 60;
  }

  static int sectorSides(Candidate a, Candidate b) {
    boolean same = a.sector().equals(b.sector());
    return satisfied(a.sectorPreference(), same) + satisfied(b.sectorPreference(), same);
  }

  static int satisfied(SectorPreference preference, boolean sameSector) {
    return switch (preference) {
      case NO_PREFERENCE -> 1;
      case SAME -> sameSector ? 1 : 0;
      case DIFFERENT -> sameSector ? 0 : 1;
    };
  }

  static int interestPoints(int weight, int shared) {
    return weight * Math.min(shared, 3) / 3;
  }

  static int sectorPoints(int weight, int sides) {
    return weight * sides / 2;
  }

  static int experiencePoints(int weight, ExperienceMode mode, int gap) {
    int capped = Math.min(gap, 10);
    return mode == ExperienceMode.COMPLEMENTARY
        ? weight * capped / 10
        : weight * (10 - capped) / 10;
  }

  /** Overlap of two 8-hour working days on the 24-hour circle, offsets in minutes. */
  static int overlapMinutes(int offsetA, int offsetB) {
    int d = Math.abs(offsetA - offsetB) % (24 * 60);
    d = Math.min(d, 24 * 60 - d);
    return Math.max(0, WORKDAY_MINUTES - d);
  }

  static int hourPoints(int weight, int overlapMinutes) {
    return weight * overlapMinutes / WORKDAY_MINUTES;
  }

  static int regionPoints(int weight, boolean differentRegions) {
    return differentRegions ? weight : 0;
  }
}
