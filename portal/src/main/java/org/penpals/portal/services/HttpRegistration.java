package org.penpals.portal.services;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

/** {@link Registration} over HTTP. */
public class HttpRegistration implements Registration {
  static final String SERVICE = "registration";
  private static final String BASE = "/api/registration";

  private final ServiceCalls calls;

  public HttpRegistration(ServiceCalls calls) {
    this.calls = calls;
  }

  @Override
  public List<OpenCycle> openCycles() {
    JsonNode body = calls.call(SERVICE, HttpMethod.GET, BASE + "/cycles/open", null, null).body();
    List<OpenCycle> cycles = new ArrayList<>();
    body.forEach(node -> cycles.add(calls.read(node, OpenCycle.class)));
    return cycles;
  }

  @Override
  public Taxonomy taxonomy() {
    return calls.read(
        calls.call(SERVICE, HttpMethod.GET, BASE + "/taxonomy", null, null).body(), Taxonomy.class);
  }

  @Override
  public Applied apply(String cycleId, Map<String, Object> application) {
    return calls.read(
        calls
            .call(
                SERVICE,
                HttpMethod.POST,
                BASE + "/cycles/" + enc(cycleId) + "/applications",
                null,
                application)
            .body(),
        Applied.class);
  }

  @Override
  public String verify(String token) {
    return calls
        .call(SERVICE, HttpMethod.POST, BASE + "/verifications", null, Map.of("token", token))
        .body()
        .path("status")
        .asString("");
  }

  @Override
  public void resendVerification(String cycleId, String email) {
    calls.call(
        SERVICE,
        HttpMethod.POST,
        BASE + "/verifications/resend",
        null,
        Map.of("cycleId", cycleId, "email", email));
  }

  @Override
  public void requestSignInLink(String email) {
    calls.call(SERVICE, HttpMethod.POST, BASE + "/sign-in-links", null, Map.of("email", email));
  }

  @Override
  public SignedIn redeemSignInLink(String token) {
    return calls.read(
        calls
            .call(
                SERVICE,
                HttpMethod.POST,
                BASE + "/sign-in-links/redemptions",
                null,
                Map.of("token", token))
            .body(),
        SignedIn.class);
  }

  @Override
  public Me me(String participantId) {
    return calls.read(
        calls.call(SERVICE, HttpMethod.GET, BASE + "/participants/me", participantId, null).body(),
        Me.class);
  }

  @Override
  public Me update(String participantId, Map<String, Object> profile) {
    return calls.read(
        calls
            .call(SERVICE, HttpMethod.PUT, BASE + "/participants/me", participantId, profile)
            .body(),
        Me.class);
  }

  @Override
  public Me withdraw(String participantId, @Nullable String reason) {
    Map<String, Object> body = new HashMap<>();
    if (reason != null && !reason.isBlank()) {
      body.put("reason", reason.strip());
    }
    return calls.read(
        calls
            .call(
                SERVICE, HttpMethod.POST, BASE + "/participants/me/withdrawal", participantId, body)
            .body(),
        Me.class);
  }

  @Override
  public JsonNode export(String participantId) {
    return calls
        .call(SERVICE, HttpMethod.GET, BASE + "/participants/me/export", participantId, null)
        .body();
  }

  @Override
  public void erase(String participantId) {
    calls.call(SERVICE, HttpMethod.DELETE, BASE + "/participants/me", participantId, null);
  }

  static String enc(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
