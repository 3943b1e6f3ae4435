package org.penpals.gateway.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.staff.StaffPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.JsonNode;

/**
 * The dashboard: the chosen (by default the open) cycle at a glance, drawn as charts — applicants
 * by country, sector, language and day; the quality of the latest matching; engagement once the
 * prompt service reports it. Each part shows what it can when a service is away.
 */
@Controller
class DashboardController {
  private final Services services;

  DashboardController(Services services) {
    this.services = services;
  }

  @GetMapping("/")
  String root() {
    return "redirect:/console";
  }

  @GetMapping("/console")
  String dashboard(@RequestParam(required = false) @Nullable String cycle, Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "dashboard");
    Optional<JsonNode> cycles =
        services.optional(model, "Cycles", () -> services.get(me, "/api/registration/cycles"));
    List<Map<String, Object>> all = cycles.map(services::list).orElse(List.of());
    model.addAttribute("cycles", all);
    Map<String, Object> selected = choose(all, cycle);
    model.addAttribute("cycle", selected);
    List<Chart> charts = new ArrayList<>();
    model.addAttribute("charts", charts);
    if (selected == null) {
      return "console/dashboard";
    }
    String id = selected.get("id").toString();
    if (me.isAmbassador()) {
      charts.add(ambassadorCounts(me, id, model));
    } else {
      services
          .optional(
              model,
              "Applicant figures",
              () ->
                  services.get(me, "/api/registration/cycles/" + Services.enc(id) + "/statistics"))
          .ifPresent(
              stats -> {
                model.addAttribute("total", stats.path("total").asLong());
                model.addAttribute("byStatus", services.plain(stats.path("byStatus")));
                model.addAttribute("byAdmission", services.plain(stats.path("byAdmission")));
                charts.add(
                    Chart.ofCounts(
                        "chart-country",
                        "Applicants by country",
                        "horizontalBar",
                        "Applicants",
                        stats.path("byCountry"),
                        25,
                        Chart.Labeler.country()));
                charts.add(
                    Chart.ofCounts(
                        "chart-sector",
                        "Applicants by sector",
                        "doughnut",
                        "Applicants",
                        stats.path("bySector"),
                        12,
                        Chart.Labeler.words()));
                charts.add(
                    Chart.ofCounts(
                        "chart-language",
                        "Applicants by correspondence language",
                        "bar",
                        "Applicants",
                        stats.path("byLanguage"),
                        15,
                        Chart.Labeler.language()));
                charts.add(
                    Chart.ofDays(
                        "chart-day", "Applications per day", "Applications", stats.path("byDay")));
              });
      matching(me, id, model, charts);
      engagement(me, id, model, charts);
    }
    return "console/dashboard";
  }

  private Chart ambassadorCounts(StaffPrincipal me, String cycleId, Model model) {
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    for (String country : me.countries()) {
      services
          .optional(
              model,
              "Applicants of " + country,
              () ->
                  services.get(
                      me,
                      "/api/registration/cycles/"
                          + Services.enc(cycleId)
                          + "/applications?size=1&country="
                          + country))
          .ifPresent(
              page -> {
                labels.add(Chart.Labeler.country().label(country));
                values.add(page.path("total").asLong());
              });
    }
    return new Chart(
        "chart-country",
        "Applicants in your countries",
        "horizontalBar",
        "Applicants",
        labels,
        values);
  }

  private void matching(StaffPrincipal me, String cycleId, Model model, List<Chart> charts) {
    services
        .optional(
            model,
            "Matching",
            () -> services.get(me, "/api/matching/cycles/" + Services.enc(cycleId) + "/runs"))
        .ifPresent(
            runs -> {
              JsonNode latest = null;
              for (JsonNode run : runs) {
                if ("COMPLETED".equals(run.path("status").asString(""))) {
                  latest = run;
                  break;
                }
              }
              if (latest == null) {
                return;
              }
              model.addAttribute("run", services.plain(latest));
              long[] bins = new long[10];
              long max = 1;
              List<Long> scores = new ArrayList<>();
              String runId = latest.path("id").asString();
              for (int page = 0; page < 20; page++) {
                JsonNode groups =
                    services.get(
                        me,
                        "/api/matching/runs/"
                            + Services.enc(runId)
                            + "/groups?size=500&page="
                            + page);
                for (JsonNode g : groups.path("items")) {
                  long score = g.path("score").asLong();
                  scores.add(score);
                  max = Math.max(max, score);
                }
                if ((long) (page + 1) * 500 >= groups.path("total").asLong()) {
                  break;
                }
              }
              long width = Math.max(1, (max + 9) / 10);
              for (long s : scores) {
                bins[(int) Math.min(9, s / width)]++;
              }
              List<String> labels = new ArrayList<>();
              List<Long> values = new ArrayList<>();
              for (int i = 0; i < 10; i++) {
                labels.add((i * width) + "–" + ((i + 1) * width - 1));
                values.add(bins[i]);
              }
              charts.add(
                  new Chart(
                      "chart-quality",
                      "Match quality: partnerships by score",
                      "bar",
                      "Partnerships",
                      labels,
                      values));
            });
  }

  private void engagement(StaffPrincipal me, String cycleId, Model model, List<Chart> charts) {
    services
        .optional(
            model,
            "Engagement (prompts and check-ins)",
            () -> services.get(me, "/api/prompts/cycles/" + Services.enc(cycleId) + "/engagement"))
        .ifPresent(
            engagement -> {
              JsonNode weeks = engagement.path("weeks");
              if (weeks.isEmpty()) {
                return;
              }
              model.addAttribute("engagement", true);
              List<String> labels = new ArrayList<>();
              List<Long> sent = new ArrayList<>();
              List<Long> answered = new ArrayList<>();
              for (JsonNode week : weeks) {
                labels.add("Week " + week.path("number").asInt());
                sent.add(week.path("promptsSent").asLong());
                answered.add(week.path("answers").asLong());
              }
              charts.add(
                  new Chart(
                      "chart-prompts", "Prompts sent per week", "bar", "Prompts", labels, sent));
              charts.add(
                  new Chart(
                      "chart-answers",
                      "Check-ins and surveys answered per week",
                      "bar",
                      "Answers",
                      labels,
                      answered));
            });
  }

  private static @Nullable Map<String, Object> choose(
      List<Map<String, Object>> cycles, @Nullable String wanted) {
    if (wanted != null) {
      for (Map<String, Object> c : cycles) {
        if (wanted.equals(c.get("id"))) {
          return c;
        }
      }
    }
    for (Map<String, Object> c : cycles) {
      if ("REGISTRATION_OPEN".equals(c.get("status"))) {
        return c;
      }
    }
    return cycles.isEmpty() ? null : cycles.get(0);
  }
}
