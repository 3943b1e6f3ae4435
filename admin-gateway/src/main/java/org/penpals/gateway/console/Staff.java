package org.penpals.gateway.console;

import org.penpals.gateway.route.GatewayProblem;
import org.penpals.gateway.staff.StaffAuthentication;
import org.penpals.gateway.staff.StaffPrincipal;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** The signed-in staff member of the current request. */
final class Staff {
  private Staff() {}

  static StaffPrincipal current() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof StaffAuthentication staff) {
      return staff.getPrincipal();
    }
    throw new GatewayProblem(HttpStatus.UNAUTHORIZED, "unauthorized", "Sign in first.");
  }

  /**
   * Refuses a country ambassador a page whose data names participants of every country and cannot
   * be narrowed to theirs (the route table refuses them the same data through the API).
   */
  static void requireAllCountries(StaffPrincipal staff) {
    if (staff.isAmbassador()) {
      throw new GatewayProblem(
          HttpStatus.FORBIDDEN,
          "forbidden",
          "This page names participants of every country; you act for "
              + String.join(", ", staff.countries())
              + " only.");
    }
  }

  static void requireWriter(StaffPrincipal staff) {
    if (!staff.role().writes()) {
      throw new GatewayProblem(HttpStatus.FORBIDDEN, "forbidden", "Your role can only look.");
    }
  }
}
