package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.route.GatewayProblem;
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
 * Matching review: the pool, runs (preview), every pair with its explanation, lock, forbid, swap,
 * explain, publish; the waitlist and groups of three.
 */
@Controller
class MatchingConsoleController {
  private final Services services;

  MatchingConsoleController(Services services) {
    this.services = services;
  }

  @GetMapping("/console/cycles/{cycleId}/matching")
  String matching(@PathVariable String cycleId, Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "matching");
    String c = Services.enc(cycleId);
    model.addAttribute("cycle", services.map(services.get(me, "/api/registration/cycles/" + c)));
    services
        .optional(model, "Pool", () -> services.get(me, "/api/matching/cycles/" + c + "/pool"))
        .ifPresent(pool -> model.addAttribute("pool", services.plain(pool)));
    services
        .optional(model, "Runs", () -> services.get(me, "/api/matching/cycles/" + c + "/runs"))
        .ifPresent(runs -> model.addAttribute("runs", services.list(runs)));
    services
        .optional(
            model,
            "Adjustments",
            () -> services.get(me, "/api/matching/cycles/" + c + "/adjustments"))
        .ifPresent(a -> model.addAttribute("adjustments", services.plain(a)));
    services
        .optional(
            model, "Waiting", () -> services.get(me, "/api/matching/cycles/" + c + "/waiting"))
        .ifPresent(w -> model.addAttribute("waiting", services.list(w)));
    return "console/matching";
  }

  @PostMapping("/console/cycles/{cycleId}/runs")
  String start(
      @PathVariable String cycleId,
      @RequestParam(defaultValue = "INITIAL") String kind,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    AuditFilter.describe(request, "console.matching.run", "cycleId=" + cycleId + " kind=" + kind);
    try {
      JsonNode run =
          services.post(
              me, "/api/matching/cycles/" + Services.enc(cycleId) + "/runs", Map.of("kind", kind));
      Flash.done(flash, "Matching started. This page follows its progress.");
      return "redirect:/console/runs/" + Services.enc(run.path("id").asString());
    } catch (ServiceProblem | GatewayProblem e) {
      Flash.failed(flash, e);
      return "redirect:/console/cycles/" + Services.enc(cycleId) + "/matching";
    }
  }

  @GetMapping("/console/runs/{runId}")
  String run(
      @PathVariable String runId,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size,
      Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "matching");
    String r = Services.enc(runId);
    JsonNode run = services.get(me, "/api/matching/runs/" + r);
    model.addAttribute("run", services.map(run));
    String status = run.path("status").asString("");
    if ("COMPLETED".equals(status)) {
      int safeSize = Math.min(Math.max(size, 1), 200);
      JsonNode groups =
          services.get(
              me,
              "/api/matching/runs/"
                  + r
                  + "/groups?page="
                  + Math.max(0, page)
                  + "&size="
                  + safeSize);
      model.addAttribute("groups", services.map(groups));
      long total = groups.path("total").asLong();
      model.addAttribute("pages", Math.max(1, (total + safeSize - 1) / safeSize));
      model.addAttribute("trios", countTrios(groups));
    }
    return "console/run";
  }

  private static long countTrios(JsonNode groups) {
    long n = 0;
    for (JsonNode g : groups.path("items")) {
      if (g.path("members").size() == 3) {
        n++;
      }
    }
    return n;
  }

  @PostMapping("/console/runs/{runId}/publish")
  String publish(
      @PathVariable String runId,
      @RequestParam String cycleId,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    AuditFilter.describe(request, "console.matching.publish", "runId=" + runId);
    boolean ok =
        Flash.attempt(
            flash,
            () -> services.post(me, "/api/matching/runs/" + Services.enc(runId) + "/publish", null),
            "Matches published: every partner is being introduced.");
    return ok
        ? "redirect:/console/cycles/" + Services.enc(cycleId) + "/partnerships"
        : "redirect:/console/runs/" + Services.enc(runId);
  }

  @PostMapping("/console/runs/{runId}/swap")
  String swap(
      @PathVariable String runId,
      @RequestParam(required = false) @Nullable String first,
      @RequestParam(required = false) @Nullable String second,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    AuditFilter.describe(
        request, "console.matching.swap", "runId=" + runId + " " + first + "<->" + second);
    Flash.attempt(
        flash,
        () ->
            services.post(
                me, "/api/matching/runs/" + Services.enc(runId) + "/swap", pair(first, second)),
        "Swapped.");
    return "redirect:/console/runs/" + Services.enc(runId);
  }

  @PostMapping("/console/cycles/{cycleId}/adjustments")
  String adjust(
      @PathVariable String cycleId,
      @RequestParam String change,
      @RequestParam(required = false) @Nullable String first,
      @RequestParam(required = false) @Nullable String second,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    String c = Services.enc(cycleId);
    AuditFilter.describe(
        request, "console.matching." + change, "cycleId=" + cycleId + " " + first + "+" + second);
    Map<String, Object> body = pair(first, second);
    switch (change) {
      case "lock" ->
          Flash.attempt(
              flash,
              () -> services.post(me, "/api/matching/cycles/" + c + "/locks", body),
              "Pair locked: every run keeps them together.");
      case "unlock" ->
          Flash.attempt(
              flash,
              () -> services.delete(me, "/api/matching/cycles/" + c + "/locks", body),
              "Pair unlocked.");
      case "forbid" ->
          Flash.attempt(
              flash,
              () -> services.post(me, "/api/matching/cycles/" + c + "/forbids", body),
              "Pair forbidden: no run will put them together.");
      case "allow" ->
          Flash.attempt(
              flash,
              () -> services.delete(me, "/api/matching/cycles/" + c + "/forbids", body),
              "Pair allowed again.");
      case "explain" -> {
        try {
          JsonNode why = services.post(me, "/api/matching/cycles/" + c + "/explain", body);
          flash.addFlashAttribute("explained", services.plain(why));
          flash.addFlashAttribute("explainedPair", List.of(first, second));
        } catch (ServiceProblem | GatewayProblem e) {
          Flash.failed(flash, e);
        }
      }
      default -> flash.addFlashAttribute("failure", "unknown change " + change);
    }
    return "redirect:/console/cycles/" + c + "/matching";
  }

  static Map<String, Object> pair(@Nullable String first, @Nullable String second) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("first", first == null ? null : first.strip());
    body.put("second", second == null ? null : second.strip());
    return body;
  }
}
