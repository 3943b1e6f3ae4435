package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
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

/** Cycles: list, create, edit settings, open and close registration, matching settings. */
@Controller
class CycleConsoleController {
  private final Services services;

  CycleConsoleController(Services services) {
    this.services = services;
  }

  /** The cycle form as submitted (datetime-local fields are UTC). */
  record CycleForm(
      @Nullable String name,
      @Nullable String registrationOpensAt,
      @Nullable String registrationClosesAt,
      @Nullable String partnershipStartsOn,
      @Nullable Integer lengthWeeks,
      @Nullable String promptWeekday,
      @Nullable Integer promptLocalHour,
      @Nullable Integer capacity,
      @Nullable Integer countryCapPercent) {

    Map<String, Object> body() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("name", name);
      body.put("registrationOpensAt", instant(registrationOpensAt));
      body.put("registrationClosesAt", instant(registrationClosesAt));
      body.put("partnershipStartsOn", blank(partnershipStartsOn));
      body.put("lengthWeeks", lengthWeeks);
      body.put("promptWeekday", blank(promptWeekday));
      body.put("promptLocalHour", promptLocalHour);
      body.put("capacity", capacity);
      body.put("countryCapPercent", countryCapPercent);
      return body;
    }

    private static @Nullable String instant(@Nullable String local) {
      if (local == null || local.isBlank()) {
        return null;
      }
      try {
        return LocalDateTime.parse(local).toInstant(ZoneOffset.UTC).toString();
      } catch (RuntimeException e) {
        return local; // the service names the field
      }
    }

    private static @Nullable String blank(@Nullable String s) {
      return s == null || s.isBlank() ? null : s;
    }
  }

  @GetMapping("/console/cycles")
  String cycles(Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "cycles");
    model.addAttribute(
        "cycles",
        services
            .optional(model, "Cycles", () -> services.get(me, "/api/registration/cycles"))
            .map(services::list)
            .orElse(java.util.List.of())
            .stream()
            .map(Services::withStage)
            .toList());
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    model.addAttribute(
        "draft",
        Map.of(
            "registrationOpensAt", today.atStartOfDay().toString(),
            "registrationClosesAt", today.plusDays(28).atStartOfDay().toString(),
            "partnershipStartsOn", today.plusDays(42).toString()));
    return "console/cycles";
  }

  @PostMapping("/console/cycles")
  String create(CycleForm form, HttpServletRequest request, RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    try {
      JsonNode created = services.post(me, "/api/registration/cycles", form.body());
      String id = created.path("id").asString();
      AuditFilter.describe(request, "console.cycle.create", "cycleId=" + id);
      Flash.done(
          flash, "Cycle \u201c" + created.path("name").asString() + "\u201d created as a draft.");
      return "redirect:/console/cycles/" + id;
    } catch (ServiceProblem e) {
      Flash.failed(flash, e);
      flash.addFlashAttribute("form", form);
      return "redirect:/console/cycles";
    }
  }

  @GetMapping("/console/cycles/{cycleId}")
  String cycle(@PathVariable String cycleId, Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "cycles");
    Map<String, Object> view = services.cycle(me, cycleId);
    model.addAttribute("cycle", view);
    model.addAttribute("opensLocal", local(text(view.get("registrationOpensAt"))));
    model.addAttribute("closesLocal", local(text(view.get("registrationClosesAt"))));
    if (!me.isAmbassador()) {
      services
          .optional(
              model,
              "Matching settings",
              () -> services.get(me, "/api/matching/cycles/" + Services.enc(cycleId) + "/settings"))
          .ifPresent(s -> model.addAttribute("settings", services.plain(s)));
    }
    return "console/cycle";
  }

  @PostMapping("/console/cycles/{cycleId}")
  String edit(
      @PathVariable String cycleId,
      CycleForm form,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    AuditFilter.describe(request, "console.cycle.edit", "cycleId=" + cycleId);
    Flash.attempt(
        flash,
        () -> services.put(me, "/api/registration/cycles/" + Services.enc(cycleId), form.body()),
        "Settings saved.");
    return "redirect:/console/cycles/" + Services.enc(cycleId);
  }

  /** The confirm step before archiving: what it means, and the button that does it. */
  @GetMapping("/console/cycles/{cycleId}/archive")
  String confirmArchive(@PathVariable String cycleId, Model model, RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    Map<String, Object> cycle = services.cycle(me, cycleId);
    CycleStage stage = (CycleStage) cycle.get("stage");
    if (stage == null || !stage.archivable()) {
      flash.addFlashAttribute(
          "failure",
          "Only a completed cycle can be archived; this one is "
              + (stage == null ? String.valueOf(cycle.get("status")) : stage.label().toLowerCase())
              + ".");
      return "redirect:/console/cycles/" + Services.enc(cycleId);
    }
    model.addAttribute("active", "cycles");
    model.addAttribute("cycle", cycle);
    return "console/cycle-archive";
  }

  @PostMapping("/console/cycles/{cycleId}/archive")
  String archive(
      @PathVariable String cycleId, HttpServletRequest request, RedirectAttributes flash) {
    return transition(
        cycleId,
        "archive",
        "Cycle archived: it is kept for reports and no longer changes.",
        request,
        flash);
  }

  @PostMapping("/console/cycles/{cycleId}/open")
  String open(@PathVariable String cycleId, HttpServletRequest request, RedirectAttributes flash) {
    return transition(cycleId, "open", "Registration is open.", request, flash);
  }

  @PostMapping("/console/cycles/{cycleId}/close")
  String close(@PathVariable String cycleId, HttpServletRequest request, RedirectAttributes flash) {
    return transition(cycleId, "close", "Registration is closed.", request, flash);
  }

  private String transition(
      String cycleId,
      String action,
      String done,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    AuditFilter.describe(request, "console.cycle." + action, "cycleId=" + cycleId);
    Flash.attempt(
        flash,
        () ->
            services.post(
                me, "/api/registration/cycles/" + Services.enc(cycleId) + "/" + action, null),
        done);
    return "redirect:/console/cycles/" + Services.enc(cycleId);
  }

  @PostMapping("/console/cycles/{cycleId}/matching-settings")
  String matchingSettings(
      @PathVariable String cycleId,
      @RequestParam Map<String, String> form,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    Map<String, Object> weights = new LinkedHashMap<>();
    for (String k :
        new String[] {"interests", "sector", "experience", "workingHours", "regionDiversity"}) {
      String v = form.get(k);
      if (v != null && !v.isBlank()) {
        try {
          weights.put(k, Integer.parseInt(v.strip()));
        } catch (NumberFormatException e) {
          flash.addFlashAttribute("failure", k + " must be a whole number");
          return "redirect:/console/cycles/" + Services.enc(cycleId);
        }
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("weights", weights);
    body.put("leftoverPolicy", blankToNull(form.get("leftoverPolicy")));
    body.put("afterPublication", blankToNull(form.get("afterPublication")));
    // the service resets an omitted setting to its default: send what the form shows
    body.put("quietRematch", blankToNull(form.get("quietRematch")));
    AuditFilter.describe(request, "console.matching.settings", "cycleId=" + cycleId);
    Flash.attempt(
        flash,
        () -> services.put(me, "/api/matching/cycles/" + Services.enc(cycleId) + "/settings", body),
        "Matching settings saved.");
    return "redirect:/console/cycles/" + Services.enc(cycleId);
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String text(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }

  private static String local(String instant) {
    try {
      return java.time.Instant.parse(instant).atOffset(ZoneOffset.UTC).toLocalDateTime().toString();
    } catch (RuntimeException e) {
      return "";
    }
  }
}
