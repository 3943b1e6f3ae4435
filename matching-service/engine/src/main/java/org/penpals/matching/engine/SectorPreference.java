package org.penpals.matching.engine;

/** Whether an applicant would rather be paired with someone from their own library sector. */
public enum SectorPreference {
  SAME,
  DIFFERENT,
  NO_PREFERENCE
}
