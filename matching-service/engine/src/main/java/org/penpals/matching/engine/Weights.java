package org.penpals.matching.engine;

import java.util.Objects;

/**
 * Points per criterion that staff set per cycle; a pair scores up to {@link #total()} points. Each
 * criterion yields a fraction of its weight (see {@link Criterion}), rounded down to whole points,
 * so explanations add up exactly.
 *
 * <p>{@link #DEFAULTS}: interests 400, sector 200, experience 150 (complementary), working hours
 * 150, region diversity 100 — 1,000 points in all.
 */
public record Weights(
    int interests,
    int sector,
    int experience,
    ExperienceMode experienceMode,
    int workingHours,
    int regionDiversity) {

  public static final Weights DEFAULTS =
      new Weights(400, 200, 150, ExperienceMode.COMPLEMENTARY, 150, 100);

  public Weights {
    Objects.requireNonNull(experienceMode, "experienceMode");
    for (int weight : new int[] {interests, sector, experience, workingHours, regionDiversity}) {
      if (weight < 0 || weight > 10_000) {
        throw new IllegalArgumentException("each weight must be 0-10000: " + weight);
      }
    }
  }

  /** The most points a pair can score. */
  public int total() {
    return interests + sector + experience + workingHours + regionDiversity;
  }

  public int of(Criterion criterion) {
    return switch (criterion) {
      case INTERESTS -> interests;
      case SECTOR -> sector;
      case EXPERIENCE -> experience;
      case WORKING_HOURS -> workingHours;
      case REGION_DIVERSITY -> regionDiversity;
    };
  }
}
