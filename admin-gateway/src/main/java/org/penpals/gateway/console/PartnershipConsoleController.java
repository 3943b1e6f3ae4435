package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.staff.StaffPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Partnerships after publication: active and dissolved, quiet ones (flagged by the prompt service
 * when it answers), dissolve, hand-pair waiting people, re-match now.
 */
@Controller
class PartnershipConsoleController {
  /** Cycles up to this size show their members' names; larger ones their ids. */
  static final int NAMES_UP_TO = 2000;

  private final Services services;
  private final Words words;

  PartnershipConsoleController(Services services, Words words) {
    this.services = services;
    this.words = words;
  }

  @GetMapping("/console/cycles/{cycleId}/partnerships")
  String partnerships(@PathVariable String cycleId, Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "partnerships");
    String c = Services.enc(cycleId);
    model.addAttribute("cycle", services.cycle(me, cycleId));
    List<Map<String, Object>> partnerships =
        services
            .optional(
                model,
                "Partnerships",
                () -> services.get(me, "/api/matching/cycles/" + c + "/partnerships"))
            .map(services::list)
            .orElse(List.of())
            .stream()
            .map(p -> PartnershipStates.describe(p, words))
            .toList();
    model.addAttribute("partnerships", partnerships);
    model.addAttribute("activeCount", count(partnerships, PartnershipStates.Status.ACTIVE));
    model.addAttribute("dissolvedCount", count(partnerships, PartnershipStates.Status.DISSOLVED));
    model.addAttribute("completedCount", count(partnerships, PartnershipStates.Status.COMPLETED));
    Map<String, Object> quiet = new HashMap<>();
    services
        .optional(
            model,
            "Quiet partnerships (prompt service)",
            () -> services.get(me, "/api/prompts/cycles/" + c + "/quiet"))
        .ifPresent(
            q -> {
              for (JsonNode item : q.isArray() ? q : q.path("items")) {
                String id = item.path("partnershipId").asString("");
                if (!id.isEmpty()) {
                  quiet.put(id, services.plain(item));
                }
              }
            });
    model.addAttribute("quiet", quiet);
    Map<String, String> names = Map.of();
    if (!partnerships.isEmpty()) {
      try {
        names = services.namesOfCycle(me, cycleId, NAMES_UP_TO);
      } catch (org.penpals.gateway.route.GatewayProblem
          | org.penpals.gateway.route.ServiceProblem e) {
        Services.gap(model, "Names of the members: " + e.getMessage());
      }
    }
    model.addAttribute("names", names);
    services
        .optional(
            model, "Waiting", () -> services.get(me, "/api/matching/cycles/" + c + "/waiting"))
        .ifPresent(w -> model.addAttribute("waiting", services.list(w)));
    return "console/partnerships";
  }

  private static long count(List<Map<String, Object>> partnerships, PartnershipStates.Status s) {
    return partnerships.stream().filter(p -> p.get("state") == s).count();
  }

  @PostMapping("/console/cycles/{cycleId}/partnerships/{partnershipId}/dissolve")
  String dissolve(
      @PathVariable String cycleId,
      @PathVariable String partnershipId,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    String c = Services.enc(cycleId);
    AuditFilter.describe(request, "console.partnership.dissolve", "partnershipId=" + partnershipId);
    Flash.attempt(
        flash,
        () ->
            services.post(
                me,
                "/api/matching/cycles/"
                    + c
                    + "/partnerships/"
                    + Services.enc(partnershipId)
                    + "/dissolve",
                Map.of("reason", "STAFF")),
        "Partnership dissolved; its members wait for a new partner.");
    return "redirect:/console/cycles/" + c + "/partnerships";
  }

  @PostMapping("/console/cycles/{cycleId}/partnerships")
  String handPair(
      @PathVariable String cycleId,
      @RequestParam(required = false) @Nullable String members,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    String c = Services.enc(cycleId);
    List<String> ids =
        members == null
            ? List.of()
            : Arrays.stream(members.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    AuditFilter.describe(
        request, "console.partnership.hand-pair", "members=" + String.join(",", ids));
    Flash.attempt(
        flash,
        () ->
            services.post(
                me, "/api/matching/cycles/" + c + "/partnerships", Map.of("members", ids)),
        "Partnership formed by hand.");
    return "redirect:/console/cycles/" + c + "/partnerships";
  }

  @PostMapping("/console/cycles/{cycleId}/rematch")
  String rematch(
      @PathVariable String cycleId, HttpServletRequest request, RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    String c = Services.enc(cycleId);
    AuditFilter.describe(request, "console.partnership.rematch", "cycleId=" + cycleId);
    Flash.attempt(
        flash,
        () -> services.post(me, "/api/matching/cycles/" + c + "/rematch", null),
        "Re-matching of the people waiting requested.");
    return "redirect:/console/cycles/" + c + "/partnerships";
  }
}
