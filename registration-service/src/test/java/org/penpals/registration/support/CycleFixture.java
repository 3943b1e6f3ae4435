package org.penpals.registration.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/** Cycle bodies with defaults: open now, closing in 30 days. */
public final class CycleFixture {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final Map<String, Object> fields = new LinkedHashMap<>();

  private CycleFixture() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    fields.put("name", "Test cycle");
    fields.put("registrationOpensAt", now.minus(1, ChronoUnit.HOURS).toString());
    fields.put("registrationClosesAt", now.plus(30, ChronoUnit.DAYS).toString());
    fields.put(
        "partnershipStartsOn",
        LocalDate.ofInstant(now.plus(40, ChronoUnit.DAYS), ZoneOffset.UTC).toString());
    fields.put("capacity", 1000);
  }

  public static CycleFixture aCycle() {
    return new CycleFixture();
  }

  public CycleFixture with(String field, Object value) {
    fields.put(field, value);
    return this;
  }

  public String json() {
    return JSON.writeValueAsString(fields);
  }
}
