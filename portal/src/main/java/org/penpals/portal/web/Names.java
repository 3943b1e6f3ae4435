package org.penpals.portal.web;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Country and language names in the reader's language, for templates. */
public final class Names {
  private final Locale locale;

  public Names(Locale locale) {
    this.locale = locale;
  }

  public String country(@Nullable String code) {
    return code == null || code.isBlank() ? "" : Choices.countryName(code, locale);
  }

  public String language(@Nullable String code) {
    return code == null || code.isBlank() ? "" : Choices.languageName(code, locale);
  }
}
