package org.penpals.cli.stack;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** messaging-service as the demo uses it: an announcement (staff), a partner's message. */
public final class MessagingClient {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String base;
  private final String token;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public MessagingClient(String baseUrl, String staffToken) {
    this.base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.token = staffToken;
  }

  /**
   * Schedules an announcement to the cycle's segment {@code ALL}, now; the same {@code
   * idempotencyKey} again answers the first one and sends nothing more.
   */
  public JsonNode announce(String cycleId, String idempotencyKey, String subject, String body) {
    String json =
        JSON.writeValueAsString(
            Map.of("subject", subject, "body", body, "segment", Map.of("kind", "ALL")));
    var response =
        BearerJson.send(
            http,
            base,
            token,
            "messaging-service",
            "POST",
            "/api/messaging/cycles/" + cycleId + "/announcements",
            json,
            Map.of("Idempotency-Key", idempotencyKey));
    return BearerJson.expect(
        response, response.statusCode() == 200 ? 200 : 201, "schedule an announcement");
  }

  /**
   * An announcement and how its delivery stands ({@code status}, {@code recipients}, {@code sent}).
   */
  public JsonNode announcement(String cycleId, String announcementId) {
    return BearerJson.expect(
        BearerJson.send(
            http,
            base,
            token,
            "messaging-service",
            "GET",
            "/api/messaging/cycles/" + cycleId + "/announcements/" + announcementId,
            null),
        200,
        "read an announcement");
  }

  /** The participant writes to their partner(s) in their partnership's thread. */
  public JsonNode write(String participantToken, String partnershipId, String text) {
    return BearerJson.expect(
        BearerJson.send(
            http,
            base,
            participantToken,
            "messaging-service",
            "POST",
            "/api/messaging/conversations/" + partnershipId + "/messages",
            JSON.writeValueAsString(Map.of("text", text))),
        201,
        "write to a partner");
  }
}
