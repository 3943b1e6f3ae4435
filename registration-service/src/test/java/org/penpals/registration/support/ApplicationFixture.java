package org.penpals.registration.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Application bodies with sensible defaults: {@code anApplication().from("BG").json()}. */
public final class ApplicationFixture {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Map<String, Object> fields = new LinkedHashMap<>();

  private ApplicationFixture() {
    fields.put("fullName", "Maria Petrova");
    fields.put("email", "maria." + UUID.randomUUID().toString().substring(0, 8) + "@example.org");
    fields.put("countryCode", "BG");
    fields.put("city", "Plovdiv");
    fields.put("organisation", "Ivan Vazov Public Library");
    fields.put("sector", "PUBLIC");
    fields.put("role", "Reference librarian");
    fields.put("yearsInProfession", 7);
    fields.put(
        "languages",
        List.of(
            Map.of("code", "bg", "correspondence", true),
            Map.of("code", "en", "correspondence", true)));
    fields.put("interests", List.of("community-engagement", "digital-literacy"));
    fields.put("hopes", "Learn how other public libraries reach new readers");
    fields.put("timeZone", "Europe/Sofia");
    fields.put("preferences", Map.of("sector", "NO_PREFERENCE", "avoidCountries", List.of()));
    fields.put("returning", false);
    fields.put("locale", "en");
    fields.put("consent", Map.of("privacyNotice", true, "shareContactWithPartner", true));
  }

  public static ApplicationFixture anApplication() {
    return new ApplicationFixture();
  }

  public ApplicationFixture from(String country) {
    fields.put("countryCode", country);
    return this;
  }

  public ApplicationFixture withEmail(String email) {
    fields.put("email", email);
    return this;
  }

  public ApplicationFixture with(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  public ApplicationFixture without(String field) {
    fields.remove(field);
    return this;
  }

  public String email() {
    return (String) fields.get("email");
  }

  public ObjectNode node() {
    return JSON.valueToTree(new LinkedHashMap<>(fields));
  }

  public String json() {
    return node().toString();
  }

  /** The profile part only (for PUT /participants/me). */
  public String profileJson() {
    ObjectNode node = node();
    node.remove(new ArrayList<>(List.of("email", "consent")));
    return node.toString();
  }
}
