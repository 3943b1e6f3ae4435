package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.penpals.portal.services.ServiceProblem;

class ApplicationDraftTest {

  @Test
  void shouldMapTheApisLanguageIndexToTheFormRowItCameFrom() {
    // given languages in rows 1 and 3 (rows 0 and 2 left empty)
    ApplicationDraft draft = new ApplicationDraft();
    draft.set("lang1", "bg");
    draft.set("lang3", "xx");

    // when the API says the second language it received is wrong
    draft.accept(
        new ServiceProblem(
            400,
            "invalid-input",
            "",
            List.of(new ServiceProblem.FieldError("languages[1].code", "bad"))));

    // then the error sits on row 3, on step 2
    assertThat(draft.errors()).containsEntry("lang3", "error.language");
    assertThat(draft.firstStepWithErrors()).isEqualTo(2);
  }

  @Test
  void shouldFileNestedAndIndexedFieldsUnderTheirFormFields() {
    ApplicationDraft draft = new ApplicationDraft();

    assertThat(draft.formField("preferences.avoidCountries[3]")).isEqualTo("avoidCountries");
    assertThat(draft.formField("preferences.sector")).isEqualTo("sectorPreference");
    assertThat(draft.formField("interests[0]")).isEqualTo("interests");
    assertThat(draft.formField("consent.shareContactWithPartner"))
        .isEqualTo("shareContactWithPartner");
    assertThat(draft.formField("body")).isEqualTo("form");
  }

  @Test
  void shouldShowAProblemWithoutFieldsOnTheLastStep() {
    ApplicationDraft draft = new ApplicationDraft();

    draft.accept(new ServiceProblem(409, "conflict", "closed", List.of()));

    assertThat(draft.stepErrors(ApplicationDraft.STEPS))
        .containsEntry("form", "error.cycle.closed");
  }
}
