package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.route.GatewayProblem;
import org.penpals.gateway.route.ServiceProblem;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.platform.web.FieldProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * A cycle's registration waitlist in its fair order, and staff admissions from it (one or many; all
 * or nothing, ADR 0012 §2).
 */
@Controller
class WaitlistConsoleController {
  static final String FAIR_ORDER =
      "Fair order: earliest application first among applicants who confirmed their email; an"
          + " applicant whose country is at its cap keeps their position but is passed over until"
          + " the country has room, and applicants who have not confirmed come after everyone who"
          + " has and are offered no place until they confirm.";

  private static final Pattern INDEXED = Pattern.compile("participantIds\\[(\\d+)]");

  private final Services services;

  WaitlistConsoleController(Services services) {
    this.services = services;
  }

  @GetMapping("/console/cycles/{cycleId}/waitlist")
  String waitlist(@PathVariable String cycleId, Model model) {
    StaffPrincipal me = Staff.current();
    Staff.requireAllCountries(me);
    model.addAttribute("active", "cycles");
    Map<String, Object> cycle = services.cycle(me, cycleId);
    model.addAttribute("cycle", cycle);
    model.addAttribute("fairOrder", FAIR_ORDER);
    List<Map<String, Object>> items =
        services
            .optional(
                model,
                "Waitlist",
                () ->
                    services.get(
                        me, "/api/registration/cycles/" + Services.enc(cycleId) + "/waitlist"))
            .map(w -> services.list(w.path("items")))
            .orElse(null);
    model.addAttribute("items", items);
    CycleStage stage = (CycleStage) cycle.get("stage");
    model.addAttribute(
        "canAdmit", me.role().writes() && stage != null && stage.admits() && items != null);
    return "console/waitlist";
  }

  @PostMapping("/console/cycles/{cycleId}/admissions")
  String admit(
      @PathVariable String cycleId,
      @RequestParam(name = "participantIds", required = false) @Nullable List<String> chosen,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    String c = Services.enc(cycleId);
    List<String> ids =
        chosen == null
            ? List.of()
            : List.copyOf(new LinkedHashSet<>(chosen.stream().filter(s -> !s.isBlank()).toList()));
    if (ids.isEmpty()) {
      flash.addFlashAttribute("failure", "Choose at least one applicant to admit.");
      return "redirect:/console/cycles/" + c + "/waitlist";
    }
    AuditFilter.describe(
        request, "console.waitlist.admit", "cycleId=" + cycleId + " participantIds=" + ids.size());
    try {
      JsonNode answer =
          services.post(
              me, "/api/registration/cycles/" + c + "/admissions", Map.of("participantIds", ids));
      List<String> names = new ArrayList<>();
      for (JsonNode admitted : answer.path("admitted")) {
        names.add(
            admitted.path("profile").path("fullName").asString(admitted.path("id").asString()));
      }
      Flash.done(
          flash,
          Words.count(names.size(), "applicant", "applicants")
              + " admitted: "
              + String.join(", ", names)
              + ". They will be told by mail and in the portal.");
    } catch (ServiceProblem e) {
      flash.addFlashAttribute("failure", refusal(me, e, ids));
    } catch (GatewayProblem e) {
      Flash.failed(flash, e);
    }
    return "redirect:/console/cycles/" + c + "/waitlist";
  }

  /**
   * The service's refusal in words: who could not be admitted and why (then nobody was), or the
   * cycle's own problem.
   */
  private String refusal(StaffPrincipal me, ServiceProblem e, List<String> ids) {
    List<String> who = new ArrayList<>();
    List<String> whoIds = new ArrayList<>();
    List<String> why = new ArrayList<>();
    for (FieldProblem f : e.errors()) {
      Matcher m = INDEXED.matcher(f.field());
      if (m.matches() && Integer.parseInt(m.group(1)) < ids.size()) {
        whoIds.add(ids.get(Integer.parseInt(m.group(1))));
        why.add(f.message());
      }
    }
    if (whoIds.isEmpty()) {
      return "Nobody was admitted: " + e.getMessage();
    }
    Map<String, String> names = services.names(me, whoIds, 20);
    for (int i = 0; i < whoIds.size(); i++) {
      // the service's reasons read after a name: "is not waitlisted (it is ADMITTED)", "was
      // withdrawn", "is not an application to this cycle"
      who.add(names.getOrDefault(whoIds.get(i), whoIds.get(i)) + " " + why.get(i));
    }
    return "Nobody was admitted: " + String.join("; ", who) + ".";
  }
}
