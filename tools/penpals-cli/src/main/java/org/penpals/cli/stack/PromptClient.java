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

  private HttpResponse<String> send(String method, String path, String body) {
    return BearerJson.send(http, base, token, "prompt-service", method, path, body);
  }
}
