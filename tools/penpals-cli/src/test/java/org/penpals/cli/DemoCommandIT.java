package org.penpals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.security.Tokens;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.RegistrationApplication;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Runs {@code demo} as {@code ./penpals demo} would, against a real registration-service in this
 * JVM on the test kit's Kafka broker and MongoDB-wire server.
 */
@PenpalsIntegrationTest(
    classes = RegistrationApplication.class,
    properties = {
      // the demo applies and verifies from one client: lift the per-client limits as the stack does
      "APPLY_RATE_LIMIT=1000000",
      "VERIFICATION_RATE_LIMIT=1000000",
      "penpals.registration.person-key-secret=demo-it-person-key-secret-0123456789",
      "penpals.outbox.sweep-interval=1s",
      "penpals.outbox.stale-after=500ms"
    })
class DemoCommandIT {
  private static final Pattern CYCLE = Pattern.compile("Demo cycle (\\S+) ");

  @LocalServerPort int port;
  @TempDir Path keys;

  @Test
  void shouldSeedADemoCycleThroughThePublicApiAndVerifyEveryEmail() {
    // given: the key pair the service trusts
    Tokens.writePem(SharedInfrastructure.keys(), keys);

    // when
    Run run =
        cli(
            "demo",
            "--applicants",
            "60",
            "--countries",
            "12",
            "--concurrency",
            "8",
            "--timeout",
            "60s",
            "--match",
            "false"); // only registration runs in this JVM; the stack test matches too

    // then: the summary says everyone got in and every event is there
    String summary = run.out();
    assertThat(run.exit()).as(summary).isZero();
    assertThat(summary)
        .contains(
            "60 submitted, 60 accepted (60 admitted, 0 waitlisted), 0 rejected",
            "12 distinct",
            "all 180 events on Kafka",
            "60 emails through POST /api/registration/verifications (0 failed)");

    // and a reader of its own finds sixty verified participants of the cycle on the topic
    Matcher cycle = CYCLE.matcher(summary);
    assertThat(cycle.find()).as(summary).isTrue();
    try (TopicReader topic = TopicReader.fromBeginning(Topics.REGISTRATION_PARTICIPANTS)) {
      List<CloudEventRecord> verified =
          topic.await(
              r ->
                  RegistrationEvents.EMAIL_VERIFIED.type().equals(r.type())
                      && cycle.group(1).equals(r.json().path("cycleId").asString("")),
              60,
              Duration.ofSeconds(30));
      assertThat(verified.stream().map(CloudEventRecord::key).distinct()).hasSize(60);
    }
  }

  @Test
  void shouldBenchmarkApplicationsAndFindEveryEventOnKafka() {
    // given: the key pair the service trusts
    Tokens.writePem(SharedInfrastructure.keys(), keys);

    // when: a small run of the apply benchmark, with its warm-up and its ceiling phase
    Run run =
        cli(
            "bench apply",
            "--count",
            "40",
            "--warmup",
            "10",
            "--concurrency",
            "4",
            "--timeout",
            "60s");

    // then: every application was accepted, every event found, and the ceiling measured
    String report = run.out();
    assertThat(run.exit()).as(report).isZero();
    assertThat(report)
        .contains(
            "applications   40 ok, 0 failed",
            "50/50 ParticipantRegistered on Kafka",
            "(0 failed)",
            "every event on Kafka: yes");
  }

  private record Run(int exit, String out) {}

  /**
   * Runs a CLI command ({@code "demo"}, {@code "bench apply"}) against this JVM's
   * registration-service, Kafka and key pair.
   */
  private Run cli(String command, String... options) {
    java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(command.split(" ")));
    args.addAll(
        java.util.List.of(
            "--registration",
            "http://localhost:" + port,
            "--keys",
            keys.toString(),
            "--kafka",
            SharedInfrastructure.kafkaBootstrapServers()));
    args.addAll(java.util.List.of(options));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int exit =
        PenpalsCli.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8));
  }
}
