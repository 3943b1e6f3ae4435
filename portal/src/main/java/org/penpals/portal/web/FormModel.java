package org.penpals.portal.web;

import java.util.Locale;
import java.util.stream.IntStream;
import org.penpals.portal.services.Registration;
import org.springframework.ui.Model;

/** The pickers a step of the form (or the profile editor, step 0: all of them) needs. */
final class FormModel {
  private FormModel() {}

  static void fill(
      Model model,
      int step,
      ApplicationDraft draft,
      Registration registration,
      Choices choices,
      Locale locale) {
    if (step == 0 || step == 1 || step == 3) {
      model.addAttribute("countries", choices.countries(locale));
    }
    if (step == 0 || step == 1 || step == 2) {
      Registration.Taxonomy taxonomy = registration.taxonomy();
      model.addAttribute("sectors", choices.sectors(taxonomy, locale));
      model.addAttribute("interests", choices.interests(taxonomy, locale));
    }
    if (step == 0 || step == 2) {
      model.addAttribute("languageChoices", choices.languages(locale));
      model.addAttribute(
          "languageRows", IntStream.range(0, ApplicationDraft.LANGUAGE_ROWS).boxed().toList());
    }
    if (step == 0 || step == 3) {
      model.addAttribute("timeZones", choices.timeZones());
    }
  }
}
