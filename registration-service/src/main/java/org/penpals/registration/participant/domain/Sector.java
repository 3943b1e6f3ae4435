package org.penpals.registration.participant.domain;

/** Library sectors, as offered on the application form. */
public enum Sector {
  PUBLIC("Public libraries"),
  ACADEMIC("Academic and research libraries"),
  SCHOOL("School libraries"),
  SPECIAL("Special libraries"),
  NATIONAL_STATE("National and state libraries"),
  GOVERNMENT("Government libraries"),
  ARCHIVES_MUSEUMS("Archives and museums"),
  LIS_EDUCATION("LIS education and students"),
  OTHER("Other");

  private final String label;

  Sector(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
