package org.penpals.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PenpalsCliTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @Test
  void shouldListEveryCommandInHelp() {
    assertThat(cli("help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("keys --dir", "token ROLE", "demo --registration", "bench apply", "help");
  }

  @Test
  void shouldExitWithTwoOnAnUnknownCommandOrNone() {
    assertThat(cli("frobnicate")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown command: frobnicate");
    assertThat(cli()).isEqualTo(2);
  }

  @Test
  void shouldExplainAMissingOptionWithTheCommandsUsage() {
    assertThat(cli("demo", "--keys", "/tmp/x")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("--registration is required", "usage: penpals demo");
  }

  @Test
  void shouldKnowOnlyTheApplyBenchmark() {
    assertThat(cli("bench", "read", "--registration", "x", "--keys", "y", "--kafka", "z"))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("bench apply");
  }

  @Test
  void shouldFailWithOneWhenTheServiceIsNotThere(
      @org.junit.jupiter.api.io.TempDir java.nio.file.Path keys) {
    // given
    org.penpals.platform.security.Tokens.writePem(
        org.penpals.platform.security.Tokens.generateKeyPair(), keys);

    // when: nothing listens on port 9 and no broker either
    int exit =
        cli(
            "demo",
            "--registration",
            "http://127.0.0.1:9",
            "--keys",
            keys.toString(),
            "--kafka",
            "127.0.0.1:9",
            "--applicants",
            "2",
            "--timeout",
            "2s");

    // then
    assertThat(exit).isEqualTo(1);
  }

  private int cli(String... args) {
    return PenpalsCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }
}
