package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.route.ServiceProblem;
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
 * Quiet partners of a cycle (ADR 0012 §3): every report of silence with its reminder and outcome,
 * the partnerships flagged quiet, the requests for a new partner (approve or decline them when the
 * cycle waits for staff), and the settings that decide what happens.
 */
@Controller
class QuietConsoleController {
  private static final int NAME_LOOKUPS = 100;

  private final Services services;
  private final Words words;

  QuietConsoleController(Services services, Words words) {
    this.services = services;
    this.words = words;
  }

  @GetMapping("/console/cycles/{cycleId}/quiet")
  String quiet(@PathVariable String cycleId, Model model) {
    StaffPrincipal me = Staff.current();
    Staff.requireAllCountries(me);
    model.addAttribute("active", "cycles");
    String c = Services.enc(cycleId);
    Map<String, Object> cycle = services.cycle(me, cycleId);
    model.addAttribute("cycle", cycle);

    JsonNode quiet =
        services
            .optional(
                model,
                "Quiet partnerships (prompt service)",
                () -> services.get(me, "/api/prompts/cycles/" + c + "/quiet"))
            .orElse(null);
    List<QuietReports.Partnership> partnerships = new ArrayList<>();
    if (quiet != null) {
      Set<String> ids = new LinkedHashSet<>();
      for (JsonNode p : quiet) {
        p.path("members").forEach(m -> ids.add(m.asString("")));
        for (JsonNode r : p.path("reports")) {
          ids.add(r.path("by").asString(""));
          r.path("reminder").path("reminded").forEach(m -> ids.add(m.asString("")));
        }
      }
      ids.remove("");
      Map<String, String> names = services.names(me, ids, NAME_LOOKUPS);
      for (JsonNode p : quiet) {
        partnerships.add(QuietReports.partnership(p, names, words));
      }
    }
    model.addAttribute("partnerships", quiet == null ? null : partnerships);
    model.addAttribute(
        "reportCount", partnerships.stream().mapToInt(p -> p.reports().size()).sum());

    Map<String, String> staffNames = services.staffNames();
    List<QuietReports.Request> requests =
        services
            .optional(
                model,
                "New-partner requests (matching service)",
                () -> services.get(me, "/api/matching/cycles/" + c + "/new-partner-requests"))
            .map(
                list -> {
                  List<QuietReports.Request> rows = new ArrayList<>();
                  list.forEach(q -> rows.add(QuietReports.request(q, staffNames, words)));
                  return rows;
                })
            .orElse(null);
    model.addAttribute("requests", requests);
    model.addAttribute(
        "awaitingCount",
        requests == null ? 0 : requests.stream().filter(QuietReports.Request::decidable).count());
    CycleStage stage = (CycleStage) cycle.get("stage");
    model.addAttribute("canDecide", me.role().writes() && (stage == null || !stage.ended()));

    services
        .optional(
            model,
            "Matching settings",
            () -> services.get(me, "/api/matching/cycles/" + c + "/settings"))
        .ifPresent(s -> model.addAttribute("settings", services.plain(s)));
    try {
      JsonNode schedule = services.get(me, "/api/prompts/cycles/" + c + "/schedule");
      model.addAttribute("graceDays", schedule.path("reportGraceDays").asLong(0));
    } catch (ServiceProblem e) {
      if (e.status() != 404) {
        Services.gap(model, "Prompt schedule: " + e.getMessage());
      }
      // 404: the schedule is made when matches are published; the grace period comes with it
    } catch (org.penpals.gateway.route.GatewayProblem e) {
      Services.gap(model, "Prompt schedule: " + e.getMessage());
    }
    return "console/quiet";
  }

  @PostMapping("/console/cycles/{cycleId}/new-partner-requests/{requestId}/{decision}")
  String decide(
      @PathVariable String cycleId,
      @PathVariable String requestId,
      @PathVariable String decision,
      @RequestParam(required = false) @Nullable String note,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    String c = Services.enc(cycleId);
    Decision d = Decision.of(decision);
    if (d == null) {
      flash.addFlashAttribute("failure", "Approve or decline a request; nothing else.");
      return "redirect:/console/cycles/" + c + "/quiet";
    }
    AuditFilter.describe(
        request, "console.new-partner-request." + d.path, "requestId=" + requestId);
    Map<String, Object> body = new HashMap<>();
    body.put("note", note == null || note.isBlank() ? null : note.strip());
    String[] who = {"the participant"};
    boolean done =
        Flash.attempt(
            flash,
            () -> {
              JsonNode answer =
                  services.post(
                      me,
                      "/api/matching/cycles/"
                          + c
                          + "/new-partner-requests/"
                          + Services.enc(requestId)
                          + "/"
                          + d.path,
                      body);
              who[0] = answer.path("fullName").asString(who[0]);
            },
            "");
    if (done) {
      Flash.done(flash, d.done(who[0]));
    }
    return "redirect:/console/cycles/" + c + "/quiet";
  }

  @PostMapping("/console/cycles/{cycleId}/quiet-settings")
  String graceDays(
      @PathVariable String cycleId,
      @RequestParam(required = false) @Nullable String reportGraceDays,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    String c = Services.enc(cycleId);
    Integer days;
    try {
      days = reportGraceDays == null ? null : Integer.valueOf(reportGraceDays.strip());
    } catch (NumberFormatException e) {
      flash.addFlashAttribute("failure", "reportGraceDays must be a whole number of days");
      return "redirect:/console/cycles/" + c + "/quiet";
    }
    Map<String, Object> body = new HashMap<>();
    body.put("reportGraceDays", days);
    AuditFilter.describe(request, "console.prompts.settings", "cycleId=" + cycleId);
    Flash.attempt(
        flash,
        () -> services.put(me, "/api/prompts/cycles/" + c + "/settings", body),
        "Grace period saved: a partner reported silent has " + days + " days to answer.");
    return "redirect:/console/cycles/" + c + "/quiet";
  }

  /** What a coordinator decides about a request. */
  enum Decision {
    APPROVE("approve"),
    DECLINE("decline");

    final String path;

    Decision(String path) {
      this.path = path;
    }

    static @Nullable Decision of(String path) {
      for (Decision d : values()) {
        if (d.path.equals(path)) {
          return d;
        }
      }
      return null;
    }

    String done(String who) {
      return this == APPROVE
          ? "Request approved: "
              + who
              + "'s quiet partnership is dissolved; they are re-matched as this cycle's settings"
              + " say, and the silent partner will be told by mail."
          : "Request declined: " + who + "'s partnership goes on.";
    }
  }
}
