package org.penpals.contracts.registration;

/** Whether a participant would rather be paired within their own sector. */
public enum SectorPreference {
  SAME,
  DIFFERENT,
  NO_PREFERENCE
}
