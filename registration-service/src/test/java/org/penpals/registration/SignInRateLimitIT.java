package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Sign-in link requests and redemptions are rate-limited per client (the platform's filter, with
 * this service's {@code sign-in} rule; here 3 a minute instead of 30).
 */
@PenpalsIntegrationTest(
    properties = {
      "penpals.rate-limits.rules[0].name=sign-in",
      "penpals.rate-limits.rules[0].method=POST",
      "penpals.rate-limits.rules[0].path=/api/registration/sign-in-links/**",
      "penpals.rate-limits.rules[0].capacity=3",
      "penpals.rate-limits.rules[0].period=1m"
    })
class SignInRateLimitIT {
  @LocalServerPort int port;
  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void shouldAnswer429ToAClientAskingTooOftenAndStillServeOthers() throws Exception {
    String client = "203.0.113.7";
    for (int i = 0; i < 2; i++) {
      assertThat(requestLink(client).statusCode()).isEqualTo(202);
    }
    assertThat(redeem(client).statusCode()).isEqualTo(410);

    HttpResponse<String> limited = requestLink(client);

    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
    assertThat(limited.headers().firstValue("Retry-After")).isPresent();
    assertThat(limited.body()).contains("rate-limited");
    assertThat(redeem(client).statusCode()).isEqualTo(429);
    // another client is not affected
    assertThat(requestLink("203.0.113.8").statusCode()).isEqualTo(202);
  }

  private HttpResponse<String> requestLink(String client) throws Exception {
    return post(client, "/api/registration/sign-in-links", "{\"email\":\"a@example.org\"}");
  }

  private HttpResponse<String> redeem(String client) throws Exception {
    return post(
        client,
        "/api/registration/sign-in-links/redemptions",
        "{\"token\":\"" + "B".repeat(43) + "\"}");
  }

  private HttpResponse<String> post(String client, String path, String body) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", client)
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
