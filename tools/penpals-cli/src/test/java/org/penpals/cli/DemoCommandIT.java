package org.penpals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.security.Role;
import org.penpals.platform.security.Tokens;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.RegistrationApplication;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

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
  private static final Duration WAIT = Duration.ofSeconds(30);

  @LocalServerPort int port;
  @TempDir Path keys;

  @Test
  void shouldSeedADemoCycleThroughThePublicApiAndAdmitItsWaitlist() {
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
            "false"); // only registration runs in this JVM; the stack test plays the whole cycle

    // then: the cap only Australia (24 of 60) goes over waitlisted five, every email is verified
    String summary = run.out();
    assertThat(run.exit()).as(summary).isZero();
    assertThat(summary)
        .contains(
            "country cap 32% (19 places a country): only AU (24 applicants) goes over it",
            "60 submitted, 60 accepted (55 admitted, 5 waitlisted), 0 rejected",
            "12 distinct",
            "all 180 events on Kafka",
            "60 emails through POST /api/registration/verifications (0 failed)",
            "admitted AU applicants while registration was open: 1",
            "5 of 5 waitlisted: by a freed place (FREED_PLACE) 1, by staff (STAFF) 4");

    // and a reader of its own finds the cycle's sixty verified participants, one withdrawal and
    // five admissions on the topic: the freed place's, then staff's
    Matcher cycle = CYCLE.matcher(summary);
    assertThat(cycle.find()).as(summary).isTrue();
    String cycleId = cycle.group(1);
    try (TopicReader topic = TopicReader.fromBeginning(Topics.REGISTRATION_PARTICIPANTS)) {
      List<CloudEventRecord> verified =
          topic.await(of(RegistrationEvents.EMAIL_VERIFIED.type(), cycleId), 60, WAIT);
      assertThat(verified.stream().map(CloudEventRecord::key).distinct()).hasSize(60);
      List<CloudEventRecord> admitted =
          topic.await(of(RegistrationEvents.PARTICIPANT_ADMITTED.type(), cycleId), 5, WAIT);
      assertThat(admitted.stream().map(r -> r.json().get("route").asString()))
          .containsExactlyInAnyOrder("FREED_PLACE", "STAFF", "STAFF", "STAFF", "STAFF");
      assertThat(topic.await(of(RegistrationEvents.PARTICIPANT_WITHDRAWN.type(), cycleId), 1, WAIT))
          .hasSize(1);
    }
    // and registration has nobody waiting any more
    JsonNode waitlist =
        new Api(port)
            .get(
                "/api/registration/cycles/" + cycleId + "/waitlist",
                TestTokens.staff(Role.COORDINATOR))
            .json();
    assertThat(waitlist.get("items").size()).isZero();
  }

  private static Predicate<CloudEventRecord> of(String type, String cycleId) {
    return r -> type.equals(r.type()) && cycleId.equals(r.json().path("cycleId").asString(""));
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
