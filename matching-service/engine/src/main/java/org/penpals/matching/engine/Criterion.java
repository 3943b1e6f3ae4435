package org.penpals.matching.engine;

/** The criteria of a pair's score, each weighted per cycle by {@link Weights}. */
public enum Criterion {
  /** Shared interests: full points from three shared interests on. */
  INTERESTS,
  /** Each side's sector preference met: half the points per side. */
  SECTOR,
  /** Years in the profession, complementary or similar per {@link ExperienceMode}. */
  EXPERIENCE,
  /** Overlap of the two 09:00-17:00 working days across time zones: full points for 8 hours. */
  WORKING_HOURS,
  /** Partners from different world regions. */
  REGION_DIVERSITY
}
