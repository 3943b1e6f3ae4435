package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.route.GatewayProblem;
import org.penpals.gateway.route.ServiceClient;
import org.penpals.gateway.route.ServiceProblem;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.platform.web.FieldProblem;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.JsonNode;

/**
 * Announcements to a cycle or a segment of it (ADR 0012 §5): write, preview (nothing sent), then
 * schedule or send. The form carries an {@code Idempotency-Key} made when it was rendered, so a
 * double submit or a browser's re-post answers the first announcement and sends nothing more.
 */
@Controller
class AnnouncementConsoleController {
  static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");

  /** Every ISO 3166 country, by English name: the choices of a country segment. */
  static final List<Map.Entry<String, String>> COUNTRIES =
      java.util.Arrays.stream(Locale.getISOCountries())
          .map(code -> Map.entry(code, new Locale("", code).getDisplayCountry(Locale.ENGLISH)))
          .sorted(Map.Entry.comparingByValue(Comparator.naturalOrder()))
          .toList();

  private final Services services;

  AnnouncementConsoleController(Services services) {
    this.services = services;
  }

  /** The announcement form as submitted ({@code sendAt} is a UTC datetime-local). */
  record AnnouncementForm(
      @Nullable String subject,
      @Nullable String body,
      @Nullable String subjectEs,
      @Nullable String bodyEs,
      @Nullable String subjectFr,
      @Nullable String bodyFr,
      @Nullable String segment,
      @Nullable String country,
      @Nullable String sendAt,
      @Nullable String idempotencyKey) {

    static AnnouncementForm fresh() {
      return new AnnouncementForm(
          null, null, null, null, null, null, AnnouncementSegment.ALL.name(), null, null, newKey());
    }

    static String newKey() {
      return "form-" + UUID.randomUUID().toString().replace("-", "");
    }

    AnnouncementForm withKey(String key) {
      return new AnnouncementForm(
          subject, body, subjectEs, bodyEs, subjectFr, bodyFr, segment, country, sendAt, key);
    }

    boolean hasValidKey() {
      return idempotencyKey != null && KEY.matcher(idempotencyKey).matches();
    }

    /** The body messaging takes; blank optional parts are left out, the rest as typed. */
    Map<String, Object> request() {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("subject", subject == null ? "" : subject.strip());
      body.put("body", this.body == null ? "" : this.body);
      Map<String, Object> translations = new LinkedHashMap<>();
      translation(translations, "es", subjectEs, bodyEs);
      translation(translations, "fr", subjectFr, bodyFr);
      if (!translations.isEmpty()) {
        body.put("translations", translations);
      }
      Map<String, Object> segmentBody = new LinkedHashMap<>();
      segmentBody.put("kind", blank(segment) ? "" : segment);
      AnnouncementSegment kind = AnnouncementSegment.of(segment);
      if (kind != null && kind.needsCountry()) {
        segmentBody.put("country", blank(country) ? "" : country.strip());
      }
      body.put("segment", segmentBody);
      if (!blank(sendAt)) {
        body.put("sendAt", instant(sendAt));
      }
      return body;
    }

    private static void translation(
        Map<String, Object> to, String language, @Nullable String subject, @Nullable String body) {
      if (blank(subject) && blank(body)) {
        return;
      }
      Map<String, Object> text = new LinkedHashMap<>();
      text.put("subject", subject == null ? "" : subject.strip());
      text.put("body", body == null ? "" : body);
      to.put(language, text);
    }

    private static String instant(String local) {
      try {
        return LocalDateTime.parse(local.strip()).toInstant(ZoneOffset.UTC).toString();
      } catch (RuntimeException e) {
        return local; // messaging names the field
      }
    }
  }

  @GetMapping("/console/cycles/{cycleId}/announcements")
  String announcements(@PathVariable String cycleId, Model model) {
    StaffPrincipal me = Staff.current();
    Staff.requireAllCountries(me);
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", AnnouncementForm.fresh());
    }
    return page(me, cycleId, model);
  }

  @PostMapping("/console/cycles/{cycleId}/announcements/preview")
  String preview(
      @PathVariable String cycleId,
      AnnouncementForm form,
      Model model,
      HttpServletResponse response) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    Staff.requireAllCountries(me);
    AnnouncementForm kept = form.hasValidKey() ? form : form.withKey(AnnouncementForm.newKey());
    model.addAttribute("form", kept);
    try {
      JsonNode preview =
          services.post(
              me,
              "/api/messaging/cycles/" + Services.enc(cycleId) + "/announcements/preview",
              form.request());
      model.addAttribute("preview", preview(preview));
    } catch (ServiceProblem e) {
      refused(model, response, e, "Nothing to preview: ");
    } catch (GatewayProblem e) {
      model.addAttribute("problem", e.getMessage());
      response.setStatus(e.status().value());
    }
    return page(me, cycleId, model);
  }

  @PostMapping("/console/cycles/{cycleId}/announcements")
  String send(
      @PathVariable String cycleId,
      AnnouncementForm form,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    Staff.requireAllCountries(me);
    String c = Services.enc(cycleId);
    if (!form.hasValidKey()) {
      // a form from before keys, or tampered with: nothing is sent without one
      model.addAttribute("form", form.withKey(AnnouncementForm.newKey()));
      model.addAttribute(
          "problem", "This form has expired. Check the announcement and send it again.");
      response.setStatus(400);
      return page(me, cycleId, model);
    }
    AuditFilter.describe(
        request,
        "console.announcement.send",
        "cycleId=" + cycleId + " " + IDEMPOTENCY_KEY + "=" + form.idempotencyKey());
    try {
      ServiceClient.Answer answer =
          services
              .client()
              .exchange(
                  me,
                  HttpMethod.POST,
                  "/api/messaging/cycles/" + c + "/announcements",
                  form.request(),
                  Map.of(IDEMPOTENCY_KEY, form.idempotencyKey()));
      Flash.done(flash, sent(answer));
      return "redirect:/console/cycles/" + c + "/announcements";
    } catch (ServiceProblem e) {
      boolean keyReused = e.errors().stream().anyMatch(f -> IDEMPOTENCY_KEY.equals(f.field()));
      model.addAttribute("form", keyReused ? form.withKey(AnnouncementForm.newKey()) : form);
      refused(model, response, e, "Nothing was sent: ");
      if (keyReused) {
        model.addAttribute(
            "problem",
            "This form already sent a different announcement, so nothing was sent now. The form"
                + " is renewed: check it and send again if you mean a second announcement.");
      }
    } catch (GatewayProblem e) {
      model.addAttribute("form", form);
      model.addAttribute("problem", e.getMessage());
      response.setStatus(e.status().value());
    }
    return page(me, cycleId, model);
  }

  @PostMapping("/console/cycles/{cycleId}/announcements/{announcementId}/cancel")
  String cancel(
      @PathVariable String cycleId,
      @PathVariable String announcementId,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    String c = Services.enc(cycleId);
    AuditFilter.describe(
        request, "console.announcement.cancel", "announcementId=" + announcementId);
    Flash.attempt(
        flash,
        () ->
            services.delete(
                me,
                "/api/messaging/cycles/" + c + "/announcements/" + Services.enc(announcementId),
                null),
        "Announcement cancelled: nobody will get it.");
    return "redirect:/console/cycles/" + c + "/announcements";
  }

  private String page(StaffPrincipal me, String cycleId, Model model) {
    model.addAttribute("active", "cycles");
    Map<String, Object> cycle = services.cycle(me, cycleId);
    model.addAttribute("cycle", cycle);
    model.addAttribute("segments", AnnouncementSegment.values());
    model.addAttribute("countries", COUNTRIES);
    CycleStage stage = (CycleStage) cycle.get("stage");
    model.addAttribute("canWrite", me.role().writes() && (stage == null || stage.announces()));
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    List<Map<String, Object>> list =
        services
            .optional(
                model,
                "Announcements (messaging service)",
                () ->
                    services.get(
                        me, "/api/messaging/cycles/" + Services.enc(cycleId) + "/announcements"))
            .map(services::list)
            .orElse(null);
    if (list != null) {
      Map<String, String> staff = services.staffNames();
      for (Map<String, Object> a : list) {
        Object by = a.get("createdBy");
        a.put("author", by == null ? "" : staff.getOrDefault(by.toString(), by.toString()));
        Object status = a.get("status");
        a.put("state", AnnouncementStatus.of(status == null ? null : status.toString()));
        Object segment = a.get("segment");
        if (segment instanceof Map<?, ?> s) {
          Object kind = s.get("kind");
          a.put("audience", AnnouncementSegment.of(kind == null ? null : kind.toString()));
        }
      }
    }
    model.addAttribute("announcements", list);
    return "console/announcements";
  }

  private static AnnouncementPreview preview(JsonNode preview) {
    List<AnnouncementPreview.Rendered> languages = new ArrayList<>();
    for (String language : List.of("en", "es", "fr")) {
      JsonNode mail = preview.path("rendered").path(language);
      if (mail.isMissingNode()) {
        continue;
      }
      languages.add(
          new AnnouncementPreview.Rendered(
              language,
              new Locale(language).getDisplayLanguage(Locale.ENGLISH),
              preview.path("byLanguage").path(language).asInt(0),
              mail.path("subject").asString(""),
              mail.path("html").asString(""),
              mail.path("text").asString("")));
    }
    return new AnnouncementPreview(preview.path("recipients").asInt(0), languages);
  }

  private static String sent(ServiceClient.Answer answer) {
    JsonNode a = answer.body();
    int recipients = a.path("recipients").asInt(0);
    String who = Words.count(recipients, "person", "people");
    if (answer.status() != 201) {
      return "This announcement was already "
          + (AnnouncementStatus.of(a.path("status").asString("")) == AnnouncementStatus.SENT
              ? "sent"
              : "scheduled")
          + " from this form (\u201c"
          + a.path("subject").asString("")
          + "\u201d): nothing was sent again.";
    }
    Instant sendAt = parse(a.path("sendAt").asString(""));
    boolean later = sendAt != null && sendAt.isAfter(Instant.now().plusSeconds(60));
    return "Announcement \u201c"
        + a.path("subject").asString("")
        + "\u201d "
        + (later
            ? "scheduled: it goes to " + who + " on " + new Words().when(sendAt.toString()) + "."
            : "is being sent to " + who + " now.");
  }

  private static @Nullable Instant parse(String instant) {
    try {
      return Instant.parse(instant);
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** The service's problem, next to the fields it names (and on top for the rest). */
  private static void refused(
      Model model, HttpServletResponse response, ServiceProblem e, String outcome) {
    Map<String, String> errors = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    for (FieldProblem f : e.errors()) {
      String field = formField(f.field());
      if (field == null) {
        general.add(f.field() + " " + f.message());
      } else {
        errors.merge(field, f.message(), (a, b) -> a + "; " + b);
      }
    }
    model.addAttribute("errors", errors);
    model.addAttribute(
        "problem",
        outcome
            + e.getMessage()
            + (errors.isEmpty() ? "" : " See the fields marked below.")
            + (general.isEmpty() ? "" : " (" + String.join("; ", general) + ")"));
    response.setStatus(e.status() >= 500 ? 502 : e.status());
  }

  /** The form field a messaging field name belongs to, or null for the whole request. */
  static @Nullable String formField(String field) {
    return switch (field) {
      case "subject" -> "subject";
      case "body" -> "body";
      case "translations.es", "translations.es.subject" -> "subjectEs";
      case "translations.es.body" -> "bodyEs";
      case "translations.fr", "translations.fr.subject" -> "subjectFr";
      case "translations.fr.body" -> "bodyFr";
      case "segment", "segment.kind" -> "segment";
      case "segment.country" -> "country";
      case "sendAt" -> "sendAt";
      default -> null;
    };
  }

  private static boolean blank(@Nullable String s) {
    return s == null || s.isBlank();
  }
}
