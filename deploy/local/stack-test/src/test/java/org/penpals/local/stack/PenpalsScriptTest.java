package org.penpals.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The script's quick paths: nothing here starts a JVM. */
class PenpalsScriptTest {

  private static final Duration QUICK = Duration.ofSeconds(30);

  @TempDir Path home;

  @Test
  void shouldReportEveryComponentStoppedOnAFreshHome() {
    Penpals penpals = new Penpals(home, Map.of("REGISTRATION_PORT", "18999"));

    String status = penpals.run(QUICK, "status").requireSuccess().stdout();

    assertThat(status)
        .containsPattern("(?m)^kafka\\s+stopped")
        .containsPattern("(?m)^mongo\\s+stopped")
        .containsPattern("(?m)^registration\\s+stopped\\s+-\\s+http://localhost:18999");
  }

  @Test
  void shouldStopNothingTwiceWhenNothingRuns() {
    Penpals penpals = new Penpals(home, Map.of());

    penpals.run(QUICK, "down").requireSuccess();
    penpals.run(QUICK, "down").requireSuccess();
  }

  @Test
  void shouldGiveEachServiceItsOwnDatabaseOnTheEmbeddedServer() {
    Penpals penpals = new Penpals(home, Map.of("MONGO_PORT", "27999"));

    assertThat(penpals.run(QUICK, "_mongo-uri", "registration").requireSuccess().stdout().strip())
        .isEqualTo("mongodb://localhost:27999/penpals-registration");
  }

  @Test
  void shouldDeriveEachServiceUriFromAnExternalMongoDbUri() {
    Penpals penpals =
        new Penpals(
            home,
            Map.of(
                "MONGODB_URI",
                "mongodb://penpals:secret@db1:27017,db2:27017/admin?replicaSet=rs0&tls=true"));

    assertThat(penpals.run(QUICK, "_mongo-uri", "matching").requireSuccess().stdout().strip())
        .isEqualTo(
            "mongodb://penpals:secret@db1:27017,db2:27017/penpals-matching"
                + "?replicaSet=rs0&tls=true&authSource=admin");
  }

  @Test
  void shouldPreferAServiceSpecificMongoDbUri() {
    Penpals penpals =
        new Penpals(
            home,
            Map.of(
                "MONGODB_URI", "mongodb://db1:27017/",
                "REGISTRATION_MONGODB_URI", "mongodb://other:27017/registrations"));

    assertThat(penpals.run(QUICK, "_mongo-uri", "registration").requireSuccess().stdout().strip())
        .isEqualTo("mongodb://other:27017/registrations");
  }

  @Test
  void shouldRejectAnUnknownCommandWithUsage() {
    Penpals.Result result = new Penpals(home, Map.of()).run(QUICK, "launch");

    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("unknown command 'launch'").contains("./penpals up -d");
  }

  @Test
  void shouldRejectLogsOfAnUnknownComponent() {
    Penpals.Result result = new Penpals(home, Map.of()).run(QUICK, "logs", "nosuch");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.stderr()).contains("one of: kafka mongo registration");
  }
}
