package org.penpals.gateway.staff;

import java.util.List;
import org.penpals.platform.security.Role;

/**
 * What a staff member may do. ADMIN manages staff accounts and programme settings; COORDINATOR runs
 * cycles; VIEWER reads; AMBASSADOR reads only the participants of the countries assigned to them
 * (the gateway enforces that scope: services see a VIEWER token with a {@code countries} claim).
 */
public enum StaffRole {
  ADMIN,
  COORDINATOR,
  VIEWER,
  AMBASSADOR;

  /** The Spring Security authority, e.g. {@code ROLE_COORDINATOR}. */
  public String authority() {
    return "ROLE_" + name();
  }

  /** May change programme data (cycles, matching, prompts). */
  public boolean writes() {
    return this == ADMIN || this == COORDINATOR;
  }

  /** The roles a service sees in the token the gateway relays. */
  public List<Role> serviceRoles() {
    return switch (this) {
      case ADMIN -> List.of(Role.ADMIN);
      case COORDINATOR -> List.of(Role.COORDINATOR);
      case VIEWER, AMBASSADOR -> List.of(Role.VIEWER);
    };
  }

  public String label() {
    return switch (this) {
      case ADMIN -> "Administrator";
      case COORDINATOR -> "Coordinator";
      case VIEWER -> "Viewer";
      case AMBASSADOR -> "Country ambassador";
    };
  }
}
