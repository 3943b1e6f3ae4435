package org.penpals.platform.security;

/**
 * Roles carried in the {@code roles} claim of a Penpals token. Staff roles: ADMIN (accounts,
 * settings), COORDINATOR (runs cycles), VIEWER (reads). PARTICIPANT tokens have the participant id
 * as subject and only ever reach that participant's data.
 */
public enum Role {
  ADMIN,
  COORDINATOR,
  VIEWER,
  PARTICIPANT;

  /** The Spring Security authority, e.g. {@code ROLE_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** Staff who may read staff data. */
  public static final String[] STAFF = {"ADMIN", "COORDINATOR", "VIEWER"};

  /** Staff who may change programme data. */
  public static final String[] STAFF_WRITE = {"ADMIN", "COORDINATOR"};
}
