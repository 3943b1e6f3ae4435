package org.penpals.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.penpals.platform.web.ProblemWriter;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

class RateLimitFilterTest {
  final RateLimitFilter filter =
      new RateLimitFilter(
          new RateLimitProperties(
              List.of(
                  new RateLimitProperties.Rule(
                      "apply",
                      "POST",
                      "/api/x/cycles/{id}/applications",
                      3,
                      Duration.ofMinutes(1)))),
          new ProblemWriter(JsonMapper.builder().build()));

  MockHttpServletResponse call(String method, String path, String client) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, path);
    request.setRequestURI(path);
    request.setRemoteAddr(client);
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void shouldAnswer429WithRetryAfterOnceAClientUsedItsAllowance() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(call("POST", "/api/x/cycles/c1/applications", "10.0.0.1").getStatus())
          .isEqualTo(200);
    }
    MockHttpServletResponse limited = call("POST", "/api/x/cycles/c1/applications", "10.0.0.1");

    assertThat(limited.getStatus()).isEqualTo(429);
    assertThat(limited.getContentType()).startsWith("application/problem+json");
    assertThat(limited.getHeader("Retry-After")).isNotBlank();
    assertThat(limited.getContentAsString())
        .contains("rate-limited")
        .contains("\"field\":\"client\"");
  }

  @Test
  void shouldCountEachClientSeparately() throws Exception {
    for (int i = 0; i < 3; i++) {
      call("POST", "/api/x/cycles/c1/applications", "10.0.0.2");
    }
    assertThat(call("POST", "/api/x/cycles/c1/applications", "10.0.0.3").getStatus())
        .isEqualTo(200);
  }

  @Test
  void shouldLeaveOtherMethodsAndPathsAlone() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(call("GET", "/api/x/cycles/c1/applications", "10.0.0.4").getStatus())
          .isEqualTo(200);
      assertThat(call("POST", "/api/x/cycles", "10.0.0.4").getStatus()).isEqualTo(200);
    }
  }
}
