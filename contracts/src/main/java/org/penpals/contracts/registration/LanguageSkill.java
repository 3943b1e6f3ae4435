package org.penpals.contracts.registration;

/**
 * A language a participant speaks.
 *
 * @param code ISO 639-1 code, lower case
 * @param correspondence whether the participant is happy to correspond with a partner in it
 */
public record LanguageSkill(String code, boolean correspondence) {
  public LanguageSkill {
    Contract.text(code, "code");
  }
}
