package org.penpals.cli.stack;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.penpals.cli.CommandFailed;
import tools.jackson.databind.json.JsonMapper;

/** prompt-service's programme clock: read it, and move a demo clock forward (ADMIN). */
public final class PromptClient {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public PromptClient(String baseUrl, String adminToken) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = adminToken;
  }

  /** The programme's current time; fails unless the clock runs in demo mode. */
  public Instant demoNow() {
    HttpResponse<String> response = send("GET", "/api/prompts/clock", null);
    if (response.statusCode() != 200) {
      throw new CommandFailed(
          "cannot read the programme clock: " + response.statusCode() + " " + response.body());
    }
    var clock = JSON.readTree(response.body());
    if (!"demo".equals(clock.path("mode").asString(""))) {
      throw new CommandFailed(
          "prompt-service's clock is not in demo mode (PROMPTS_CLOCK_MODE=demo): cannot"
              + " fast-forward the cycle");
    }
    return Instant.parse(clock.get("now").asString());
  }

  /** Moves the demo clock to {@code to}; due prompts go out at once. */
  public void moveTo(Instant to) {
    HttpResponse<String> response =
        send("POST", "/api/prompts/clock/advance", "{\"to\":\"" + to + "\"}");
    if (response.statusCode() != 200) {
      throw new CommandFailed(
          "cannot move the programme clock: " + response.statusCode() + " " + response.body());
    }
  }

  /**
   * "My partner has gone quiet", as the participant: their report, with its reminder and {@code
   * answerBy}.
   */
  public tools.jackson.databind.JsonNode reportQuiet(String participantToken, String note) {
    return BearerJson.expect(
        BearerJson.send(
            http,
            base,
            participantToken,
            "prompt-service",
            "POST",
            "/api/prompts/participants/me/report-quiet",
            JSON.writeValueAsString(java.util.Map.of("note", note))),
        202,
        "report a quiet partner");
  }

  /** The participant's latest report of a quiet partner ({@code OPEN}, {@code RESOLVED}...). */
  public tools.jackson.databind.JsonNode myReport(String participantToken) {
    return BearerJson.expect(
        BearerJson.send(
            http,
            base,
            participantToken,
            "prompt-service",
            "GET",
            "/api/prompts/participants/me/report-quiet",
            null),
        200,
        "read a report of a quiet partner");
  }

  private HttpResponse<String> send(String method, String path, String body) {
    return BearerJson.send(http, base, token, "prompt-service", method, path, body);
  }
}
