package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
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

/**
 * Prompts: the library and a cycle's schedule, from the prompt service when it answers (the page
 * says so when it does not). Titles and bodies can be edited; a sent prompt is refused by the
 * service.
 */
@Controller
class PromptConsoleController {
  private final Services services;

  PromptConsoleController(Services services) {
    this.services = services;
  }

  @GetMapping("/console/prompts")
  String prompts(@RequestParam(required = false) @Nullable String cycle, Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "prompts");
    services
        .optional(model, "Prompt library", () -> services.get(me, "/api/prompts/library"))
        .ifPresent(
            library -> {
              model.addAttribute("library", Table.of(library, 6));
              model.addAttribute("prompts", services.list(library));
            });
    services
        .optional(model, "Cycles", () -> services.get(me, "/api/registration/cycles"))
        .ifPresent(c -> model.addAttribute("cycles", services.list(c)));
    if (cycle != null && !cycle.isBlank()) {
      model.addAttribute("cycleId", cycle);
      services
          .optional(
              model,
              "Schedule",
              () -> services.get(me, "/api/prompts/cycles/" + Services.enc(cycle) + "/schedule"))
          .ifPresent(
              s -> {
                var weeks = s.has("weeks") ? s.path("weeks") : s;
                model.addAttribute("schedule", Table.of(weeks, 7));
              });
    }
    return "console/prompts";
  }

  @PostMapping("/console/prompts")
  String save(
      @RequestParam(required = false) @Nullable String promptId,
      @RequestParam(required = false) @Nullable String kind,
      @RequestParam(required = false) @Nullable String title,
      @RequestParam(required = false) @Nullable String body,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    Map<String, Object> prompt = new LinkedHashMap<>();
    prompt.put("title", title);
    prompt.put("body", body);
    if (promptId == null || promptId.isBlank()) {
      prompt.put("kind", kind == null || kind.isBlank() ? null : kind);
      AuditFilter.describe(request, "console.prompts.add", null);
      Flash.attempt(
          flash, () -> services.post(me, "/api/prompts/library", prompt), "Prompt added.");
    } else {
      AuditFilter.describe(request, "console.prompts.edit", "promptId=" + promptId);
      Flash.attempt(
          flash,
          () -> services.put(me, "/api/prompts/library/" + Services.enc(promptId), prompt),
          "Prompt saved.");
    }
    return "redirect:/console/prompts";
  }

  @PostMapping("/console/cycles/{cycleId}/schedule")
  String editWeek(
      @PathVariable String cycleId,
      @RequestParam int number,
      @RequestParam(required = false) @Nullable String title,
      @RequestParam(required = false) @Nullable String body,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    Map<String, Object> week = new LinkedHashMap<>();
    week.put("title", title);
    week.put("body", body);
    AuditFilter.describe(
        request, "console.prompts.schedule", "cycleId=" + cycleId + " number=" + number);
    Flash.attempt(
        flash,
        () ->
            services.put(
                me, "/api/prompts/cycles/" + Services.enc(cycleId) + "/schedule/" + number, week),
        "Prompt " + number + " saved.");
    return "redirect:/console/prompts?cycle=" + Services.enc(cycleId);
  }
}
