package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.CloudEventHeaders;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Health, metrics, OpenAPI and trace propagation: what operators and clients rely on. */
@PenpalsIntegrationTest
class OperationsIT {
  @LocalServerPort int port;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(port);
  }

  @Test
  void shouldReportLivenessAndReadinessWithTheirComponents() {
    Api.Response readiness = api.get("/actuator/health/readiness", null);
    assertThat(readiness.status()).isEqualTo(200);
    assertThat(readiness.json().get("components").propertyNames())
        .contains("mongoPing", "mongoIndexes", "kafka", "readinessState");
    assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
  }

  @Test
  void shouldExposePrometheusMetricsIncludingTheOutbox() {
    new RegistrationApi(port).openCycle();
    Api.Response metrics = api.send("GET", "/actuator/prometheus", null, "text/plain", null);
    assertThat(metrics.status()).isEqualTo(200);
    assertThat(metrics.body())
        .contains("penpals_outbox_published_total")
        .contains("http_server_requests");
  }

  @Test
  void shouldObserveEachRequestOnceNotEachSecurityFilter() {
    // a request through the whole security chain, authenticated and authorised
    new RegistrationApi(port).openCycle();

    String metrics = api.send("GET", "/actuator/prometheus", null, "text/plain", null).body();

    // the request is timed (and traced) once; Spring Security's own observations of every filter,
    // authentication and authorisation are off (platform default): about 8% of the service's CPU
    // samples while applying, in the apply benchmark's profile
    assertThat(metrics)
        .contains("http_server_requests_seconds_count")
        .doesNotContain("spring_security_filterchains")
        .doesNotContain("spring_security_authorizations")
        .doesNotContain("spring_security_authentications");
  }

  @Test
  void shouldDescribeTheApiInOpenApi() {
    Api.Response docs = api.get("/v3/api-docs", null);
    assertThat(docs.status()).isEqualTo(200);
    assertThat(docs.json().get("paths").propertyNames())
        .contains(
            "/api/registration/cycles/{cycleId}/applications",
            "/api/registration/participants/me",
            "/api/registration/cycles/{cycleId}/imports",
            "/api/registration/verifications",
            "/api/registration/sign-in-links",
            "/api/registration/sign-in-links/redemptions");
    assertThat(docs.json().get("components").get("securitySchemes").has("bearer")).isTrue();
    assertThat(api.send("GET", "/swagger-ui/index.html", null, "text/html", null).status())
        .isEqualTo(200);
  }

  @Test
  void shouldCarryTheCallersTraceIntoTheEventHeaders() {
    RegistrationApi registration = new RegistrationApi(port);
    String cycleId = registration.openCycle();
    String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS)) {
      java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
      var request =
          java.net.http.HttpRequest.newBuilder(
                  java.net.URI.create(
                      "http://localhost:"
                          + port
                          + RegistrationApi.BASE
                          + "/cycles/"
                          + cycleId
                          + "/applications"))
              .header("Content-Type", "application/json")
              .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
              .POST(java.net.http.HttpRequest.BodyPublishers.ofString(anApplication().json()))
              .build();
      String id =
          tools.jackson.databind.json.JsonMapper.builder()
              .build()
              .readTree(
                  client
                      .sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                      .join()
                      .body())
              .get("id")
              .asString();

      var record =
          topic
              .await(TopicReader.event(RegistrationEvents.PARTICIPANT_REGISTERED.type(), id), 1)
              .get(0);
      assertThat(record.headers().get(CloudEventHeaders.TRACEPARENT)).contains(traceId);
    }
  }
}
