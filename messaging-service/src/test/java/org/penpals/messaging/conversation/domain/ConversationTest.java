package org.penpals.messaging.conversation.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.penpals.platform.domain.InvalidInput;

class ConversationTest {
  static final Instant T = Instant.parse("2030-01-01T10:00:00Z");

  @Test
  void shouldNotifyTheFirstMessageAndThenAtMostOncePerHour() {
    Conversation fresh = Conversation.empty("ps-1", "c-1");
    Conversation notified = new Conversation("ps-1", "c-1", List.of(), T, 3);

    assertThat(fresh.notifies(T)).isTrue();
    assertThat(notified.notifies(T.plus(Duration.ofMinutes(59)))).isFalse();
    assertThat(notified.notifies(T.plus(Duration.ofHours(1)))).isTrue();
  }

  @Test
  void shouldTrimMessagesAndRefuseEmptyTooLongOrControlCharacters() {
    assertThat(Message.write("m", "a", "  hello\n  ", T).text()).isEqualTo("hello");
    assertThat(Message.write("m", "a", "x".repeat(4000), T).text()).hasSize(4000);
    assertThatThrownBy(() -> Message.write("m", "a", " ", T)).isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> Message.write("m", "a", "x".repeat(4001), T))
        .isInstanceOf(InvalidInput.class);
    assertThatThrownBy(() -> Message.write("m", "a", "bell\u0007", T))
        .isInstanceOf(InvalidInput.class);
  }
}
