package org.penpals.matching.newpartner.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.penpals.platform.domain.StateConflict;

class NewPartnerRequestTest {
  static final Instant T = Instant.parse("2027-04-01T10:00:00Z");

  @Test
  void shouldBeOneRequestPerPartnershipAndReport() {
    var first = NewPartnerRequest.ask("c", "ps-1", "a", "r-1", List.of("b"), T, false);
    var again =
        NewPartnerRequest.ask("c", "ps-1", "a", "r-1", List.of("b"), T.plusSeconds(5), true);
    var other = NewPartnerRequest.ask("c", "ps-1", "a", "r-2", List.of("b"), T, false);

    assertThat(again.requestId()).isEqualTo(first.requestId());
    assertThat(other.requestId()).isNotEqualTo(first.requestId());
  }

  @Test
  void shouldBeAcceptedAtOnceWhenAutomaticAndWaitOtherwise() {
    var automatic = NewPartnerRequest.ask("c", "ps-1", "a", "r-1", List.of("b"), T, true);
    var waiting = NewPartnerRequest.ask("c", "ps-1", "a", "r-1", List.of("b"), T, false);

    assertThat(automatic.status()).isEqualTo(NewPartnerRequest.Status.ACCEPTED);
    assertThat(automatic.decidedAt()).isEqualTo(T);
    assertThat(automatic.decidedBy()).isNull();
    assertThat(waiting.status()).isEqualTo(NewPartnerRequest.Status.AWAITING_APPROVAL);
    assertThat(waiting.decidedAt()).isNull();
  }

  @Test
  void shouldBeDecidedOnceOnly() {
    var waiting = NewPartnerRequest.ask("c", "ps-1", "a", "r-1", List.of("b"), T, false);

    var declined = waiting.decline("staff-1", "talk first", T.plusSeconds(60));

    assertThat(declined.status()).isEqualTo(NewPartnerRequest.Status.DECLINED);
    assertThat(declined.decidedBy()).isEqualTo("staff-1");
    assertThat(declined.note()).isEqualTo("talk first");
    assertThatThrownBy(() -> declined.approve("staff-2", null, T.plusSeconds(120)))
        .isInstanceOf(StateConflict.class)
        .hasMessageContaining("already decided");
  }

  @Test
  void shouldNotCountTheReporterAmongTheQuietMembers() {
    assertThatThrownBy(() -> NewPartnerRequest.ask("c", "ps-1", "a", "r-1", List.of("a"), T, true))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
