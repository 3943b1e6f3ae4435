package org.penpals.portal.web;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.ServiceProblem;
import org.springframework.util.MultiValueMap;

/**
 * An application (or a profile edit) as the form holds it: the raw values of each field by form
 * name, filled step by step and kept in the session, and the errors of the last check, each under
 * the form field it belongs to. {@link #toApplication()} and {@link #toProfile()} build the
 * registration API's JSON; {@link #accept(ServiceProblem)} files the API's field problems back
 * under the form's fields.
 */
public class ApplicationDraft implements Serializable {
  /** How many language rows the form offers. */
  public static final int LANGUAGE_ROWS = 4;

  public static final int STEPS = 4;

  private static final List<List<String>> STEP_FIELDS =
      List.of(
          List.of(
              "fullName",
              "email",
              "countryCode",
              "city",
              "organisation",
              "sector",
              "role",
              "yearsInProfession"),
          List.of(
              "lang0",
              "corr0",
              "lang1",
              "corr1",
              "lang2",
              "corr2",
              "lang3",
              "corr3",
              "interests",
              "hopes"),
          List.of("timeZone", "sectorPreference", "avoidCountries", "returning", "locale"),
          List.of("privacyNotice", "shareContactWithPartner"));

  private static final Pattern LANGUAGE_FIELD = Pattern.compile("languages\\[(\\d+)].*");

  private final Map<String, List<String>> values = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private @Nullable String cycleId;

  public @Nullable String cycleId() {
    return cycleId;
  }

  public void cycleId(String id) {
    this.cycleId = id;
  }

  // ------------------------------------------------------------------ values

  public String value(String field) {
    List<String> v = values.get(field);
    return v == null || v.isEmpty() ? "" : v.get(0);
  }

  public List<String> values(String field) {
    return values.getOrDefault(field, List.of());
  }

  public boolean checked(String field) {
    return "true".equals(value(field)) || "on".equals(value(field));
  }

  public boolean has(String field, String value) {
    return values(field).contains(value);
  }

  public void set(String field, List<String> v) {
    values.put(field, List.copyOf(v));
  }

  public void set(String field, @Nullable String v) {
    values.put(field, v == null ? List.of() : List.of(v));
  }

  /** Takes the step's fields from a posted form (a field left out is cleared: an unticked box). */
  public void take(int step, MultiValueMap<String, String> form) {
    for (String field : STEP_FIELDS.get(step - 1)) {
      List<String> posted = form.get(field);
      values.put(
          field,
          posted == null
              ? List.of()
              : posted.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
      errors.remove(field);
    }
    if (step == 2) {
      errors.remove("languages");
    }
    errors.remove("form");
  }

  /** Takes every field but the email and the consents (the profile edit form). */
  public void takeProfile(MultiValueMap<String, String> form) {
    for (int step = 1; step <= 3; step++) {
      for (String field : STEP_FIELDS.get(step - 1)) {
        if (!field.equals("email")) {
          List<String> posted = form.get(field);
          values.put(
              field,
              posted == null
                  ? List.of()
                  : posted.stream().map(String::strip).filter(s -> !s.isEmpty()).toList());
        }
      }
    }
    errors.clear();
  }

  /** The form filled with an existing application (for editing). */
  public static ApplicationDraft of(Registration.Profile p) {
    ApplicationDraft d = new ApplicationDraft();
    d.set("fullName", p.fullName());
    d.set("email", p.email());
    d.set("countryCode", p.countryCode());
    d.set("city", p.city());
    d.set("organisation", p.organisation());
    d.set("sector", p.sector());
    d.set("role", p.role());
    d.set("yearsInProfession", Integer.toString(p.yearsInProfession()));
    for (int i = 0; i < p.languages().size() && i < LANGUAGE_ROWS; i++) {
      d.set("lang" + i, p.languages().get(i).code());
      d.set("corr" + i, p.languages().get(i).correspondence() ? "true" : null);
    }
    d.set("interests", p.interests());
    d.set("hopes", p.hopes());
    d.set("timeZone", p.timeZone());
    if (p.preferences() != null) {
      d.set("sectorPreference", p.preferences().sector());
      d.set(
          "avoidCountries",
          p.preferences().avoidCountries() == null ? List.of() : p.preferences().avoidCountries());
    }
    d.set("returning", p.returning() ? "yes" : "no");
    d.set("locale", p.locale());
    return d;
  }

  // ------------------------------------------------------------------ local checks

  /**
   * Checks what can be checked without the service (presence, numbers, counts) and files the
   * errors; the service checks everything again when the application is sent.
   */
  public boolean check(int step) {
    switch (step) {
      case 1 -> {
        for (String f :
            List.of("fullName", "email", "countryCode", "city", "organisation", "sector", "role")) {
          if (value(f).isEmpty()) {
            errors.put(f, "error." + f);
          }
        }
        if (!value("email").isEmpty() && !value("email").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
          errors.put("email", "error.email");
        }
        if (years() == null) {
          errors.put("yearsInProfession", "error.yearsInProfession");
        }
      }
      case 2 -> {
        boolean any = false;
        boolean correspondence = false;
        for (int i = 0; i < LANGUAGE_ROWS; i++) {
          if (!value("lang" + i).isEmpty()) {
            any = true;
            correspondence |= checked("corr" + i);
          }
        }
        if (!any || !correspondence) {
          errors.put("languages", "error.languages");
        }
        int interests = values("interests").size();
        if (interests < 1 || interests > 5) {
          errors.put("interests", "error.interests");
        }
        if (value("hopes").length() > 1000) {
          errors.put("hopes", "error.hopes");
        }
      }
      case 3 -> {
        if (value("timeZone").isEmpty()) {
          errors.put("timeZone", "error.timeZone");
        }
        if (value("returning").isEmpty()) {
          errors.put("returning", "error.returning");
        }
        if (values("avoidCountries").contains(value("countryCode"))) {
          errors.put("avoidCountries", "error.avoidCountries");
        }
      }
      case 4 -> {
        if (!checked("privacyNotice")) {
          errors.put("privacyNotice", "error.privacyNotice");
        }
        if (!checked("shareContactWithPartner")) {
          errors.put("shareContactWithPartner", "error.shareContactWithPartner");
        }
      }
      default -> throw new IllegalArgumentException("no step " + step);
    }
    return stepErrors(step).isEmpty();
  }

  private @Nullable Integer years() {
    try {
      int years = Integer.parseInt(value("yearsInProfession"));
      return years >= 0 && years <= 60 ? years : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  // ------------------------------------------------------------------ errors

  public Map<String, String> errors() {
    return errors;
  }

  /** The message key of a field's error, or null. */
  public @Nullable String error(String field) {
    return errors.get(field);
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  /** The errors of one step, in the order of its fields. */
  public Map<String, String> stepErrors(int step) {
    Map<String, String> out = new LinkedHashMap<>();
    List<String> fields = new ArrayList<>(STEP_FIELDS.get(step - 1));
    if (step == 2) {
      fields.add(0, "languages");
    }
    if (step == STEPS) {
      fields.add("form");
    }
    for (String f : fields) {
      if (errors.containsKey(f)) {
        out.put(f, errors.get(f));
      }
    }
    return out;
  }

  /** The first step with an error, or 0. */
  public int firstStepWithErrors() {
    for (int step = 1; step <= STEPS; step++) {
      if (!stepErrors(step).isEmpty()) {
        return step;
      }
    }
    return 0;
  }

  /** Files the service's field problems under the form's fields. */
  public void accept(ServiceProblem problem) {
    boolean any = false;
    for (ServiceProblem.FieldError e : problem.errors()) {
      String field = formField(e.field());
      String key;
      if (problem.status() == 409) {
        key = "email".equals(field) ? "error.email.conflict" : "error.cycle.closed";
        field = "email".equals(field) ? "email" : "form";
      } else if (field.matches("lang\\d")) {
        key = "error.language";
      } else if (field.equals("form")) {
        key = "error.form";
      } else {
        key = "error." + field;
      }
      errors.putIfAbsent(field, key);
      any = true;
    }
    if (!any) {
      errors.put("form", problem.status() == 409 ? "error.cycle.closed" : "error.form");
    }
  }

  /** The form rows holding a language, in the order they were sent. */
  private List<Integer> languageRows() {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < LANGUAGE_ROWS; i++) {
      if (!value("lang" + i).isEmpty()) {
        rows.add(i);
      }
    }
    return rows;
  }

  /** The form field a JSON path of the API names. */
  String formField(String apiField) {
    Matcher language = LANGUAGE_FIELD.matcher(apiField);
    if (language.matches()) {
      int index = Integer.parseInt(language.group(1));
      List<Integer> rows = languageRows();
      return index < rows.size() ? "lang" + rows.get(index) : "languages";
    }
    String base = apiField.replaceAll("\\[\\d+]", "");
    return switch (base) {
      case "fullName",
          "email",
          "countryCode",
          "city",
          "organisation",
          "sector",
          "role",
          "yearsInProfession",
          "languages",
          "interests",
          "hopes",
          "timeZone",
          "returning",
          "locale" ->
          base;
      case "preferences.sector", "preferences" -> "sectorPreference";
      case "preferences.avoidCountries" -> "avoidCountries";
      case "consent.privacyNotice", "consent" -> "privacyNotice";
      case "consent.shareContactWithPartner" -> "shareContactWithPartner";
      default -> "form";
    };
  }

  // ------------------------------------------------------------------ JSON

  /** The body of {@code POST /api/registration/cycles/{id}/applications}. */
  public Map<String, Object> toApplication() {
    Map<String, Object> body = toProfile();
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("fullName", body.remove("fullName"));
    application.put("email", value("email"));
    application.putAll(body);
    application.put(
        "consent",
        Map.of(
            "privacyNotice", checked("privacyNotice"),
            "shareContactWithPartner", checked("shareContactWithPartner")));
    return application;
  }

  /** The body of {@code PUT /api/registration/participants/me}. */
  public Map<String, Object> toProfile() {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("fullName", value("fullName"));
    body.put("countryCode", value("countryCode"));
    body.put("city", value("city"));
    body.put("organisation", value("organisation"));
    body.put("sector", value("sector").isEmpty() ? null : value("sector"));
    body.put("role", value("role"));
    body.put("yearsInProfession", years() == null ? -1 : years());
    List<Map<String, Object>> languages = new ArrayList<>();
    for (int i : languageRows()) {
      languages.add(Map.of("code", value("lang" + i), "correspondence", checked("corr" + i)));
    }
    body.put("languages", languages);
    body.put("interests", values("interests"));
    body.put("hopes", value("hopes"));
    body.put("timeZone", value("timeZone"));
    Map<String, Object> preferences = new LinkedHashMap<>();
    preferences.put(
        "sector",
        value("sectorPreference").isEmpty() ? "NO_PREFERENCE" : value("sectorPreference"));
    preferences.put("avoidCountries", values("avoidCountries"));
    body.put("preferences", preferences);
    body.put("returning", "yes".equals(value("returning")));
    body.put("locale", value("locale").isEmpty() ? "en" : value("locale"));
    return body;
  }
}
