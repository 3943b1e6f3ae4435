package org.penpals.registration.participant.domain;

/** Whether an applicant would rather be paired within their own sector. */
public enum SectorPreference {
  SAME,
  DIFFERENT,
  NO_PREFERENCE
}
