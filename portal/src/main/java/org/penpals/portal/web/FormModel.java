package org.penpals.portal.web;

import java.util.Locale;
import java.util.stream.IntStream;
import org.penpals.portal.services.Registration;
import org.springframework.ui.Model;

/** The pickers a step of the form (13: the profile editor's page of steps 1 and 3) needs. */
final class FormModel {
  private FormModel() {}

  static void fill(
      Model model,
      int step,
      ApplicationDraft draft,
      Registration registration,
      Choices choices,
      Locale locale) {
    // step 13: steps 1 and 3 on one page (the profile editor)
    if (step == 1 || step == 3 || step == 13) {
      model.addAttribute("countries", choices.countries(locale));
    }
    if (step == 1 || step == 2 || step == 13) {
      Registration.Taxonomy taxonomy = registration.taxonomy();
      model.addAttribute("sectors", choices.sectors(taxonomy, locale));
      model.addAttribute("interests", choices.interests(taxonomy, locale));
    }
    if (step == 2) {
      model.addAttribute("languageChoices", choices.languages(locale));
      model.addAttribute(
          "languageRows", IntStream.range(0, ApplicationDraft.LANGUAGE_ROWS).boxed().toList());
    }
    if (step == 3 || step == 13) {
      model.addAttribute("timeZones", choices.timeZones());
    }
  }
}
