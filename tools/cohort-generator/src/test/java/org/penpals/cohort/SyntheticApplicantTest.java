package org.penpals.cohort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.penpals.cohort.ApplicantFixture.anApplicant;

import org.junit.jupiter.api.Test;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.contracts.registration.ParticipantProfile;

class SyntheticApplicantTest {

  @Test
  void shouldAcceptAValidApplicant() {
    // when
    SyntheticApplicant applicant = anApplicant().build();

    // then
    assertThat(RegistrationRules.violations(applicant)).isEmpty();
  }

  @Test
  void shouldRejectAnApplicantWhoCorrespondsInNoLanguage() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> anApplicant().speaking(new LanguageSkill("bg", false)).build())
        .withMessageContaining("correspondence");
  }

  @Test
  void shouldRejectALanguageListedTwiceOrUnknown() {
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                anApplicant()
                    .speaking(new LanguageSkill("bg", true), new LanguageSkill("bg", false))
                    .build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> anApplicant().speaking(new LanguageSkill("BG", true)).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> anApplicant().speaking(new LanguageSkill("bul", true)).build());
  }

  @Test
  void shouldRejectAvoidingOnesOwnCountry() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> anApplicant().from("BG").avoiding("BG").build());
  }

  @Test
  void shouldRejectInterestsOutsideTheTaxonomyOrTooMany() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> anApplicant().interestedIn("knitting").build());
    assertThatIllegalArgumentException().isThrownBy(() -> anApplicant().interestedIn().build());
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                anApplicant()
                    .interestedIn(
                        "advocacy",
                        "makerspaces",
                        "open-access",
                        "research-data",
                        "rural-libraries",
                        "lis-education")
                    .build());
  }

  @Test
  void shouldRejectCodesTheApiDoesNotKnow() {
    assertThatIllegalArgumentException().isThrownBy(() -> anApplicant().from("bg").build());
    assertThatIllegalArgumentException().isThrownBy(() -> anApplicant().from("XX").build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> anApplicant().in("Europe/Atlantis").build());
    assertThatIllegalArgumentException().isThrownBy(() -> anApplicant().withLocale("de").build());
  }

  @Test
  void shouldRejectFieldsOutOfRange() {
    assertThatIllegalArgumentException().isThrownBy(() -> anApplicant().withYears(61).build());
    assertThatIllegalArgumentException().isThrownBy(() -> anApplicant().withFullName(" ").build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> anApplicant().withFullName("x".repeat(101)).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> anApplicant().withHopes("x".repeat(1001)).build());
    assertThatIllegalArgumentException()
        .isThrownBy(() -> anApplicant().withEmail("not-an-address").build());
  }

  @Test
  void shouldBecomeTheProfileRegistrationEventsCarry() {
    // given
    SyntheticApplicant applicant = anApplicant().from("BG").build();

    // when
    ParticipantProfile profile = applicant.toProfile();

    // then
    assertThat(profile.email()).isEqualTo(applicant.email());
    assertThat(profile.countryCode()).isEqualTo("BG");
    assertThat(profile.languages()).isEqualTo(applicant.languages());
    assertThat(profile.preferences()).isEqualTo(applicant.preferences());
  }

  @Test
  void shouldTurnNamesIntoAsciiEmailParts() {
    assertThat(Tables.slug("Nguyễn")).isEqualTo("nguyen");
    assertThat(Tables.slug("O'Brien")).isEqualTo("obrien");
    assertThat(Tables.slug("de Jong")).isEqualTo("de-jong");
    assertThat(Tables.slug("Wiśniewska")).isEqualTo("wisniewska");
    assertThat(Tables.slug("Jónsdóttir")).isEqualTo("jonsdottir");
    assertThat(Tables.slug("Yılmaz")).isEqualTo("yilmaz");
  }
}
