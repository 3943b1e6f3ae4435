package org.penpals.gateway.route;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.staff.StaffPrincipal;
import org.springframework.http.HttpStatus;
import tools.jackson.databind.JsonNode;

/**
 * A country ambassador sees and acts only on participants of their countries. Services do not know
 * about countries of staff, so the gateway narrows each request it lets through:
 *
 * <ul>
 *   <li>applicant searches and exports: {@code country} must be one of the ambassador's countries;
 *       with a single country it is set when missing;
 *   <li>one application: the gateway reads it first and refuses one from another country (and one
 *       whose profile was erased).
 * </ul>
 *
 * Every other route an ambassador may use returns no participant data (ADR 0009 lists them).
 */
public class AmbassadorScope {
  private final ServiceClient services;

  public AmbassadorScope(ServiceClient services) {
    this.services = services;
  }

  /**
   * The country a search or export of {@code staff} must be narrowed to, from the requested values
   * of {@code country}; refuses a country outside the ambassador's.
   */
  public static String country(StaffPrincipal staff, @Nullable List<String> requested) {
    List<String> values = requested == null ? List.of() : requested;
    if (values.size() > 1) {
      throw new GatewayProblem(
          HttpStatus.BAD_REQUEST, "invalid-input", "give one country", "country");
    }
    if (values.isEmpty() || values.get(0).isBlank()) {
      if (staff.countries().size() == 1) {
        return staff.countries().get(0);
      }
      throw new GatewayProblem(
          HttpStatus.BAD_REQUEST,
          "invalid-input",
          "choose one of your countries: " + String.join(", ", staff.countries()),
          "country");
    }
    String country = values.get(0).strip().toUpperCase(Locale.ROOT);
    if (!staff.covers(country)) {
      throw GatewayProblem.outOfScope(
          "You act for " + String.join(", ", staff.countries()) + " only.");
    }
    return country;
  }

  /** Refuses unless the participant exists and works in one of the ambassador's countries. */
  public void checkParticipant(StaffPrincipal staff, String participantId) {
    JsonNode application;
    try {
      application = services.get(staff, "/api/registration/applications/" + encode(participantId));
    } catch (ServiceProblem e) {
      if (e.status() == 404) {
        return; // nothing to see: the service answers 404 itself
      }
      throw e;
    }
    String country = application.path("profile").path("countryCode").asString("");
    if (country.isEmpty() || !staff.covers(country)) {
      throw GatewayProblem.outOfScope("This participant is outside the countries you act for.");
    }
  }

  /** The path variables' participant id of a single-participant route. */
  public static @Nullable String participantId(Map<String, String> variables) {
    return variables.get("participantId");
  }

  private static String encode(String s) {
    return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
  }
}
