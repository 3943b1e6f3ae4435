package org.penpals.cli.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.penpals.cohort.CohortGenerator;
import org.penpals.cohort.SyntheticApplicant;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StackHelpersTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void shouldWriteAnApplicationWithEveryFieldAndBothConsents() {
    // given
    SyntheticApplicant applicant = new CohortGenerator(1).generate(1).get(0);

    // when
    JsonNode json = JSON.readTree(ApplicationBody.json(applicant));

    // then
    assertThat(json.get("email").asString()).isEqualTo(applicant.email());
    assertThat(json.get("sector").asString()).isEqualTo(applicant.sector().name());
    assertThat(json.get("languages").get(0).get("code").asString())
        .isEqualTo(applicant.languages().get(0).code());
    assertThat(json.get("languages").get(0).get("correspondence").isBoolean()).isTrue();
    assertThat(json.get("preferences").get("sector").asString())
        .isEqualTo(applicant.preferences().sector().name());
    assertThat(json.get("preferences").get("avoidCountries").isArray()).isTrue();
    assertThat(json.get("consent").get("privacyNotice").asBoolean()).isTrue();
    assertThat(json.get("consent").get("shareContactWithPartner").asBoolean()).isTrue();
    assertThat(json.propertyNames())
        .containsExactlyInAnyOrder(
            "fullName",
            "email",
            "countryCode",
            "city",
            "organisation",
            "sector",
            "role",
            "yearsInProfession",
            "languages",
            "interests",
            "hopes",
            "timeZone",
            "preferences",
            "returning",
            "locale",
            "consent");
  }

  @Test
  void shouldOpenACycleNowWithPartnershipsAfterRegistrationCloses() {
    // given
    Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:15:30.500Z"), ZoneOffset.UTC);

    // when
    CycleBody cycle = CycleBody.openNow("Demo", 762, 100, clock);
    JsonNode json = JSON.readTree(JSON.writeValueAsString(cycle));

    // then
    assertThat(json.get("registrationOpensAt").asString()).isEqualTo("2026-03-01T09:15:30Z");
    assertThat(json.get("registrationClosesAt").asString()).isEqualTo("2026-03-31T10:15:30Z");
    assertThat(json.get("partnershipStartsOn").asString()).isEqualTo("2026-04-14");
    assertThat(cycle.partnershipStartsOn()).isAfter(LocalDate.of(2026, 3, 31));
    assertThat(json.get("capacity").asInt()).isEqualTo(762);
    assertThat(json.get("countryCapPercent").asInt()).isEqualTo(100);
    assertThat(json.get("lengthWeeks").asInt()).isEqualTo(17);
  }

  @Test
  void shouldEndTheProgrammeWhenTheLastWeekIsOverEverywhere() {
    // given a four-week cycle starting on Wednesday 14 April 2027
    CycleBody cycle =
        CycleBody.openNow(
                "Demo", 40, 23, Clock.fixed(Instant.parse("2027-03-01T10:00:00Z"), ZoneOffset.UTC))
            .lasting(4);

    // then its last week ends on Tuesday 11 May, and the day after has begun in UTC-12 at noon UTC
    assertThat(cycle.partnershipStartsOn()).isEqualTo(LocalDate.of(2027, 4, 14));
    assertThat(cycle.lastWeekEndsOn()).isEqualTo(LocalDate.of(2027, 5, 11));
    assertThat(cycle.programmeEndsAt()).isEqualTo(Instant.parse("2027-05-12T12:00:00Z"));
    assertThat(cycle.promptDay(4)).isEqualTo(LocalDate.of(2027, 5, 10));
  }

  @Test
  void shouldSumPrometheusSeriesByLabels() {
    // given
    String text =
        """
        # HELP jvm_gc_pause_seconds Time spent in GC pause
        # TYPE jvm_gc_pause_seconds summary
        jvm_gc_pause_seconds_count{action="end of minor GC",cause="Allocation Failure",gc="Copy"} 12
        jvm_gc_pause_seconds_count{action="end of major GC",cause="System.gc()",gc="MarkSweepCompact"} 1
        http_server_requests_seconds_count{method="POST",status="201",uri="/api/registration/cycles/{cycleId}/applications"} 2000
        http_server_requests_seconds_count{method="GET",status="200",uri="/api/registration/taxonomy"} 5
        process_cpu_usage 0.5
        """;

    // when
    PrometheusMetrics metrics = PrometheusMetrics.parse(text);

    // then
    assertThat(metrics.sum("jvm_gc_pause_seconds_count").getAsDouble()).isEqualTo(13);
    assertThat(
            metrics
                .sum(
                    "http_server_requests_seconds_count",
                    "uri=\"/api/registration/cycles/{cycleId}/applications\"")
                .getAsDouble())
        .isEqualTo(2000);
    assertThat(metrics.sum("process_cpu_usage").getAsDouble()).isEqualTo(0.5);
    assertThat(metrics.sum("missing")).isEmpty();
  }
}
