package org.penpals.gateway.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.route.AmbassadorScope;
import org.penpals.gateway.staff.StaffPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * Applicants of a cycle: search, filter, page, inspect, export as CSV. An ambassador's search is
 * narrowed to their countries exactly as the proxy narrows it.
 */
@Controller
class ApplicantConsoleController {
  static final List<String> SECTORS =
      List.of(
          "PUBLIC",
          "ACADEMIC",
          "SCHOOL",
          "SPECIAL",
          "NATIONAL_STATE",
          "GOVERNMENT",
          "ARCHIVES_MUSEUMS",
          "LIS_EDUCATION",
          "OTHER");
  static final List<String> STATUSES = List.of("PENDING_VERIFICATION", "VERIFIED", "WITHDRAWN");
  static final List<String> ADMISSIONS = List.of("ADMITTED", "WAITLISTED");

  private final Services services;
  private final AmbassadorScope scope;

  ApplicantConsoleController(Services services, AmbassadorScope scope) {
    this.services = services;
    this.scope = scope;
  }

  @GetMapping("/console/cycles/{cycleId}/applicants")
  String applicants(
      @PathVariable String cycleId,
      @RequestParam(required = false) @Nullable String country,
      @RequestParam(required = false) @Nullable String sector,
      @RequestParam(required = false) @Nullable String language,
      @RequestParam(required = false) @Nullable String status,
      @RequestParam(required = false) @Nullable String admission,
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "25") int size,
      @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
      Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "applicants");
    if (me.isAmbassador()) {
      country =
          AmbassadorScope.country(
              me, country == null || country.isBlank() ? List.of() : List.of(country));
    }
    Map<String, @Nullable Object> filters = new LinkedHashMap<>();
    filters.put("country", country);
    filters.put("sector", sector);
    filters.put("language", language);
    filters.put("status", status);
    filters.put("admission", admission);
    filters.put("q", q);
    model.addAttribute("filters", filters);
    model.addAttribute("sectors", SECTORS);
    model.addAttribute("statuses", STATUSES);
    model.addAttribute("admissions", ADMISSIONS);
    JsonNode cycle = services.get(me, "/api/registration/cycles/" + Services.enc(cycleId));
    model.addAttribute("cycle", services.map(cycle));
    Map<String, @Nullable Object> query = new LinkedHashMap<>(filters);
    query.put("page", Math.max(0, page));
    query.put("size", Math.min(Math.max(size, 1), 200));
    JsonNode result =
        services.get(
            me,
            "/api/registration/cycles/"
                + Services.enc(cycleId)
                + "/applications"
                + Services.query(query));
    model.addAttribute("page", services.map(result));
    long total = result.path("total").asLong();
    int pageSize = result.path("size").asInt(25);
    model.addAttribute("pages", Math.max(1, (total + pageSize - 1) / pageSize));
    model.addAttribute("filterQuery", Services.query(filters));
    model.addAttribute(
        "pagerBase",
        "/console/cycles/" + Services.enc(cycleId) + "/applicants" + Services.query(filters));
    model.addAttribute(
        "exportUrl",
        "/api/registration/cycles/"
            + Services.enc(cycleId)
            + "/applications.csv"
            + Services.query(filters));
    return htmx != null ? "console/applicants :: results" : "console/applicants";
  }

  @GetMapping("/console/applicants/{participantId}")
  String applicant(@PathVariable String participantId, Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "applicants");
    if (me.isAmbassador()) {
      scope.checkParticipant(me, participantId);
    }
    JsonNode application =
        services.get(me, "/api/registration/applications/" + Services.enc(participantId));
    model.addAttribute("application", services.map(application));
    return "console/applicant";
  }
}
