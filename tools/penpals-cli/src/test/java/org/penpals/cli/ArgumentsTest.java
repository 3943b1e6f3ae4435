package org.penpals.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArgumentsTest {

  @Test
  void shouldReadPositionalsWhereverTheyStandAndOptionsInBothForms() {
    // when: ./penpals puts its options before the benchmark's name
    Arguments args =
        Arguments.parse(
            "bench",
            "--registration",
            "http://localhost:8081",
            "apply",
            "--count=500",
            "--warmup",
            "0");

    // then
    assertThat(args.positionals()).containsExactly("bench", "apply");
    assertThat(args.required("registration")).isEqualTo("http://localhost:8081");
    assertThat(args.intOption("count", 20_000, 1, 1_000_000)).isEqualTo(500);
    assertThat(args.intOption("warmup", 2_000, 0, 10)).isZero();
    assertThat(args.intOption("concurrency", 64, 1, 4096)).isEqualTo(64);
  }

  @Test
  void shouldRejectAnOptionWithoutAValueOrGivenTwice() {
    assertThatThrownBy(() -> Arguments.parse("token", "ADMIN", "--keys"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--keys needs a value");
    assertThatThrownBy(() -> Arguments.parse("demo", "--seed", "1", "--seed", "2"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("twice");
  }

  @Test
  void shouldRejectUnknownOptionsAndExtraPositionals() {
    Arguments args = Arguments.parse("keys", "--dir", "x", "--dri", "y");
    assertThatThrownBy(() -> args.allowOnly(1, Set.of("dir")))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("unknown option --dri");
    assertThatThrownBy(() -> Arguments.parse("keys", "extra").allowOnly(1, Set.of()))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("unexpected argument: extra");
  }

  @Test
  void shouldRequireWholeNumbersWithinRange() {
    assertThatThrownBy(() -> Arguments.parse("--count", "lots").intOption("count", 1, 1, 10))
        .isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> Arguments.parse("--count", "11").intOption("count", 1, 1, 10))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("between 1 and 10");
    assertThat(Arguments.parse("--count", "20_000").intOption("count", 1, 1, 100_000))
        .isEqualTo(20_000);
    assertThatThrownBy(() -> Arguments.parse("demo").required("keys"))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("--keys is required");
  }

  @Test
  void shouldReadDurationsShortAndIso() {
    assertThat(Arguments.duration("ttl", "15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Arguments.duration("ttl", "30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Arguments.duration("ttl", "2h")).isEqualTo(Duration.ofHours(2));
    assertThat(Arguments.duration("ttl", "1d")).isEqualTo(Duration.ofDays(1));
    assertThat(Arguments.duration("ttl", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Arguments.duration("ttl", "PT1H30M")).isEqualTo(Duration.ofMinutes(90));
    assertThatThrownBy(() -> Arguments.duration("ttl", "soon")).isInstanceOf(UsageException.class);
    assertThatThrownBy(() -> Arguments.duration("ttl", "0s")).isInstanceOf(UsageException.class);
  }
}
