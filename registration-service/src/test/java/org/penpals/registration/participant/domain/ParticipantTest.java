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
    return registered(Admission.ADMITTED, null);
  }

  static Participant.Changed registered(Admission admission, Admission.Reason reason) {
    Profile profile =
        ProfileTest.profile("maria@example.org", "BG", List.of(new Language("en", true)), null);
    return Participant.register(
        "p",
        "c",
        "key",
        profile,
        new Consent(true, true, NOW),
        admission,
        reason,
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
    assertThatThrownBy(
            () -> withdrawn.update(withdrawn.profile(), Admission.ADMITTED, null, true, NOW))
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

  @Test
  void shouldHoldAPlaceSinceApplyingWhenAdmittedOnApplying() {
    Participant admitted = registered().participant();
    assertThat(admitted.admittedAt()).isEqualTo(NOW);
    assertThat(admitted.admissionRoute()).isNull();
    assertThat(
            registered(Admission.WAITLISTED, Admission.Reason.CAPACITY).participant().admittedAt())
        .isNull();
  }

  @Test
  void shouldAdmitAWaitlistedApplicationWithItsRouteAndOweTheEvent() {
    Participant waiting =
        registered(Admission.WAITLISTED, Admission.Reason.COUNTRY_CAP).participant();
    Instant later = NOW.plus(Duration.ofDays(3));

    Participant.Changed admitted = waiting.admit(Admission.Route.FREED_PLACE, later);

    Participant p = admitted.participant();
    assertThat(p.admission()).isEqualTo(Admission.ADMITTED);
    assertThat(p.admissionReason()).isNull();
    assertThat(p.admittedAt()).isEqualTo(later);
    assertThat(p.admissionRoute()).isEqualTo(Admission.Route.FREED_PLACE);
    assertThat(p.revision()).isEqualTo(waiting.revision() + 1);
    assertThat(p.holdsPlace()).isTrue();
    assertThat(admitted.events()).containsExactly(new ParticipantEvent.Admitted(p));
  }

  @Test
  void shouldRefuseToAdmitAnApplicationThatIsNotWaitingOrHasLeft() {
    Participant waiting = registered(Admission.WAITLISTED, Admission.Reason.CAPACITY).participant();

    assertThatThrownBy(() -> registered().participant().admit(Admission.Route.STAFF, NOW))
        .isInstanceOf(StateConflict.class);
    assertThatThrownBy(
            () -> waiting.withdraw(null, NOW).participant().admit(Admission.Route.STAFF, NOW))
        .isInstanceOf(StateConflict.class);
    assertThatThrownBy(() -> waiting.erase(NOW).participant().admit(Admission.Route.STAFF, NOW))
        .isInstanceOf(StateConflict.class);
  }
}
