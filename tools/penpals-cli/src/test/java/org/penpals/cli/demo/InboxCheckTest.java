package org.penpals.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InboxCheckTest {

  @Test
  void shouldCountTheInboxByKind() {
    // given: the local SMTP server's list (a mail without a kind header has "kind": "")
    String json =
        """
        [{"id":0,"to":["a@example.org"],"kind":"PROMPT"},
         {"id":1,"to":["b@example.org"],"kind":"PROMPT"},
         {"id":2,"to":["b@example.org"],"kind":"REMINDER"},
         {"id":3,"to":["c@example.org"],"kind":""}]
        """;

    // when / then
    assertThat(InboxCheck.countByKind(json))
        .containsExactlyInAnyOrderEntriesOf(Map.of("PROMPT", 2, "REMINDER", 1, "(no kind)", 1));
  }

  @Test
  void shouldAgreeWhenEveryKindGainedWhatWasCountedSinceTheDemoStarted() {
    // given: an earlier run left 30 prompts and 2 reminders in the inbox
    InboxCheck check =
        new InboxCheck(
            Map.of("PROMPT", 40, "REMINDER", 1, "ADMITTED", 3),
            Map.of("PROMPT", 30, "REMINDER", 2),
            Map.of("PROMPT", 70, "REMINDER", 3, "ADMITTED", 3));

    // then
    assertThat(check.agrees()).isTrue();
    assertThat(check.added())
        .containsExactlyInAnyOrderEntriesOf(Map.of("PROMPT", 40, "REMINDER", 1, "ADMITTED", 3));
  }

  @Test
  void shouldNameEveryKindThatDiffersIncludingMailsNobodyCounted() {
    // given
    InboxCheck check =
        new InboxCheck(
            Map.of("PROMPT", 40, "ANNOUNCEMENT", 5),
            Map.of("PROMPT", 30),
            Map.of("PROMPT", 69, "SIGN_IN", 1));

    // then
    assertThat(check.agrees()).isFalse();
    assertThat(check.differences())
        .containsExactly(
            "ANNOUNCEMENT 5 on Kafka, 0 new in the inbox",
            "PROMPT 40 on Kafka, 39 new in the inbox",
            "SIGN_IN 0 on Kafka, 1 new in the inbox");
  }
}
