package org.penpals.cli.stack;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.penpals.cli.CommandFailed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The matching API as the demo uses it: wait for the pool, run, publish. */
public final class MatchingClient {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public MatchingClient(String baseUrl, String token) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = token;
  }

  /** Waits until matching has every verified applicant of the cycle in its pool. */
  public JsonNode awaitPool(String cycleId, int matchable, Instant deadline) {
    JsonNode last = null;
    while (Instant.now().isBefore(deadline)) {
      HttpResponse<String> response =
          send("GET", "/api/matching/cycles/" + cycleId + "/pool", null);
      if (response.statusCode() == 200) {
        last = JSON.readTree(response.body());
        if (last.get("matchable").asInt() >= matchable) {
          return last;
        }
      }
      pause();
    }
    throw new CommandFailed(
        "matching-service has "
            + (last == null ? "no pool" : last.get("matchable").asInt() + " matchable people")
            + " for the cycle, expected "
            + matchable);
  }

  /** Starts a run and waits for it; returns the finished run. */
  public JsonNode run(String cycleId, Instant deadline) {
    HttpResponse<String> started = send("POST", "/api/matching/cycles/" + cycleId + "/runs", "{}");
    if (started.statusCode() != 202) {
      throw new CommandFailed(
          "could not start a matching run: " + started.statusCode() + " " + started.body());
    }
    String runId = JSON.readTree(started.body()).get("id").asString();
    while (Instant.now().isBefore(deadline)) {
      JsonNode run = JSON.readTree(send("GET", "/api/matching/runs/" + runId, null).body());
      String status = run.get("status").asString();
      if (!"RUNNING".equals(status)) {
        if (!"COMPLETED".equals(status)) {
          throw new CommandFailed("the matching run failed: " + run.path("error").asString(""));
        }
        return run;
      }
      pause();
    }
    throw new CommandFailed("the matching run did not finish in time");
  }

  public JsonNode publish(String runId) {
    HttpResponse<String> response = send("POST", "/api/matching/runs/" + runId + "/publish", null);
    if (response.statusCode() != 200) {
      throw new CommandFailed(
          "could not publish: " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body());
  }

  /** {@code GET /api/matching/cycles/{id}/settings}: the cycle's matching settings. */
  public JsonNode settings(String cycleId) {
    return BearerJson.expect(
        send("GET", "/api/matching/cycles/" + cycleId + "/settings", null),
        200,
        "read the cycle's matching settings");
  }

  /** {@code PUT /api/matching/cycles/{id}/settings}: replaces them; returns what was stored. */
  public JsonNode putSettings(String cycleId, JsonNode settings) {
    return BearerJson.expect(
        send(
            "PUT",
            "/api/matching/cycles/" + cycleId + "/settings",
            JSON.writeValueAsString(settings)),
        200,
        "change the cycle's matching settings");
  }

  /** Every partnership of the cycle: active, dissolved and completed. */
  public JsonNode partnerships(String cycleId) {
    return BearerJson.expect(
        send("GET", "/api/matching/cycles/" + cycleId + "/partnerships", null),
        200,
        "list the cycle's partnerships");
  }

  /** People of the cycle without a partner: WAITLISTED, NEEDS_PARTNER, QUIET. */
  public JsonNode waiting(String cycleId) {
    return BearerJson.expect(
        send("GET", "/api/matching/cycles/" + cycleId + "/waiting", null),
        200,
        "list the cycle's people without a partner");
  }

  /**
   * The hard rules two participants of the cycle break as partners (different countries, a shared
   * language, countries to avoid, earlier partners...): empty if they may be partners.
   */
  public java.util.List<String> violations(String cycleId, String first, String second) {
    JsonNode explained =
        BearerJson.expect(
            send(
                "POST",
                "/api/matching/cycles/" + cycleId + "/explain",
                JSON.writeValueAsString(java.util.Map.of("first", first, "second", second))),
            200,
            "explain a pair");
    java.util.List<String> violations = new java.util.ArrayList<>();
    explained.path("hardRuleViolations").forEach(v -> violations.add(v.asString()));
    return violations;
  }

  /**
   * {@code POST /api/matching/participants/me/new-partner} as the participant: the raw answer (201
   * new, 200 the same request again, 409 not yet).
   */
  public HttpResponse<String> askForNewPartner(String participantToken) {
    return BearerJson.send(
        http,
        base,
        participantToken,
        "matching-service",
        "POST",
        "/api/matching/participants/me/new-partner",
        null);
  }

  private HttpResponse<String> send(String method, String path, String body) {
    return BearerJson.send(http, base, token, "matching-service", method, path, body);
  }

  private static void pause() {
    try {
      Thread.sleep(250);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailed("interrupted");
    }
  }
}
