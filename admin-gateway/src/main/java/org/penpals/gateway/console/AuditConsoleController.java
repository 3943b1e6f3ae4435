package org.penpals.gateway.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.audit.AuditLog;
import org.penpals.gateway.audit.AuditQuery;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The audit log (administrators only): search, page, export as CSV. */
@Controller
class AuditConsoleController {
  private final AuditLog audit;

  AuditConsoleController(AuditLog audit) {
    this.audit = audit;
  }

  @GetMapping("/console/audit")
  String audit(
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String text,
      @RequestParam(required = false) @Nullable String outcome,
      @RequestParam(required = false) @Nullable String from,
      @RequestParam(required = false) @Nullable String to,
      @RequestParam(defaultValue = "0") int page,
      Model model) {
    model.addAttribute("active", "audit");
    AuditQuery query =
        new AuditQuery(actor, text, outcome, day(from), dayAfter(to), Math.max(0, page), 50);
    AuditLog.Page result = audit.search(query);
    model.addAttribute("result", result);
    model.addAttribute("pages", Math.max(1, (result.total() + 49) / 50));
    Map<String, @Nullable Object> filters = new LinkedHashMap<>();
    filters.put("actor", actor);
    filters.put("text", text);
    filters.put("outcome", outcome);
    filters.put("from", from);
    filters.put("to", to);
    model.addAttribute("filters", filters);
    model.addAttribute("filterQuery", Services.query(filters));
    model.addAttribute("pagerBase", "/console/audit" + Services.query(filters));
    return "console/audit";
  }

  static @Nullable Instant day(@Nullable String date) {
    if (date == null || date.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (RuntimeException e) {
      return null;
    }
  }

  static @Nullable Instant dayAfter(@Nullable String date) {
    Instant start = day(date);
    return start == null ? null : start.plusSeconds(86_400);
  }
}
