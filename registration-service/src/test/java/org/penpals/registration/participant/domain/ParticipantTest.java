package org.penpals.registration.participant.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.StateConflict;

class ParticipantTest {
  static final Instant NOW = Instant.parse("2027-01-15T12:00:00Z");

  static Participant.Changed registered() {
    Profile profile =
        ProfileTest.profile("maria@example.org", "BG", List.of(new Language("en", true)), null);
    return Participant.register(
        "p",
        "c",
        "key",
        profile,
        new Consent(true, true, NOW),
        Admission.ADMITTED,
        null,
        "token",
        new Verification("hash", NOW.plus(Duration.ofHours(72))),
        NOW,
        null);
  }

  @Test
  void shouldOweARegistrationAndAVerificationRequest() {
    Participant.Changed registered = registered();
    assertThat(registered.events())
        .hasExactlyElementsOfTypes(
            ParticipantEvent.Registered.class, ParticipantEvent.VerificationRequested.class);
    assertThat(registered.participant().revision()).isEqualTo(1);
    assertThat(registered.participant().holdsPlace()).isTrue();
  }

  @Test
  void shouldVerifyOnlyBeforeExpiry() {
    Participant p = registered().participant();
    assertThat(p.verify(NOW.plus(Duration.ofHours(1))).participant().status())
        .isEqualTo(ParticipantStatus.VERIFIED);
    assertThatThrownBy(() -> p.verify(NOW.plus(Duration.ofHours(73))))
        .isInstanceOf(InvalidInput.class);
  }

  @Test
  void shouldEraseEveryPersonalField() {
    Participant erased = registered().participant().erase(NOW).participant();
    assertThat(erased.profile()).isNull();
    assertThat(erased.personKey()).isNull();
    assertThat(erased.consent()).isNull();
    assertThat(erased.verification()).isNull();
    assertThat(erased.status()).isEqualTo(ParticipantStatus.ERASED);
    assertThat(erased.holdsPlace()).isFalse();
    assertThatThrownBy(() -> erased.erase(NOW)).isInstanceOf(StateConflict.class);
  }

  @Test
  void shouldRefuseToEditAWithdrawnApplication() {
    Participant withdrawn = registered().participant().withdraw("moving", NOW).participant();
    assertThatThrownBy(() -> withdrawn.update(withdrawn.profile(), Admission.ADMITTED, null, true))
        .isInstanceOf(StateConflict.class);
  }

  @Test
  void shouldRequireBothConsents() {
    assertThatThrownBy(
            () ->
                Participant.register(
                    "p",
                    "c",
                    "k",
                    ProfileTest.profile(
                        "a@example.org", "BG", List.of(new Language("en", true)), null),
                    new Consent(true, false, NOW),
                    Admission.ADMITTED,
                    null,
                    "t",
                    new Verification("h", NOW),
                    NOW,
                    null))
        .isInstanceOf(InvalidInput.class);
  }
}
