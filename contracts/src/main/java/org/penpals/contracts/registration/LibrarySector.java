package org.penpals.contracts.registration;

/** The library sector a participant works in. */
public enum LibrarySector {
  PUBLIC,
  ACADEMIC,
  SCHOOL,
  SPECIAL,
  NATIONAL_STATE,
  GOVERNMENT,
  ARCHIVES_MUSEUMS,
  LIS_EDUCATION,
  OTHER
}
