package org.penpals.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.prompt.clock.ProgrammeClock;
import org.penpals.prompt.support.Instances;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo clock is durable: a restarted service resumes at the programme time it had, on the real
 * database, not at real time or its configured start.
 */
class ProgrammeClockIT {
  @Test
  void shouldResumeAtTheStoredProgrammeTimeAfterARestartAndStillRefuseToMoveBack() {
    // given a demo clock (configured to start at 2027-01-04, frozen) moved to mid-May
    String database = "clock-" + UUID.randomUUID();
    Instant may = Instant.parse("2027-05-17T10:00:00Z");
    try (ConfigurableApplicationContext first = Instances.onOwnDatabase(database, Map.of())) {
      Api api = new Api(port(first));
      Api.Response moved =
          api.post(
              "/api/prompts/clock/advance",
              "{\"to\":\"" + may + "\"}",
              TestTokens.staff(Role.ADMIN));
      assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
    }

    // when the service starts again on the same database
    try (ConfigurableApplicationContext second = Instances.onOwnDatabase(database, Map.of())) {
      // then the clock is where it was
      Api api = new Api(port(second));
      Api.Response clock = api.get("/api/prompts/clock", TestTokens.staff(Role.VIEWER));
      assertThat(Instant.parse(clock.json().get("now").asString())).isEqualTo(may);
      // and moving it back is still refused, and stores nothing
      ApiGuardsIT.assertProblem(
          api.post(
              "/api/prompts/clock/advance",
              "{\"to\":\"2027-03-01T00:00:00Z\"}",
              TestTokens.staff(Role.ADMIN)),
          400,
          "to");
      assertThat(second.getBean(ProgrammeClock.class).instant()).isEqualTo(may);
    }

    // and a clock that runs (a day per real second) runs on from there
    try (ConfigurableApplicationContext third =
        Instances.onOwnDatabase(database, Map.of("penpals.prompts.clock.speed", 86_400))) {
      Instant now = third.getBean(ProgrammeClock.class).instant();
      assertThat(now).isAfterOrEqualTo(may).isBefore(may.plusSeconds(86_400L * 120));
    }
  }

  private static int port(ConfigurableApplicationContext context) {
    return ((WebServerApplicationContext) context).getWebServer().getPort();
  }
}
