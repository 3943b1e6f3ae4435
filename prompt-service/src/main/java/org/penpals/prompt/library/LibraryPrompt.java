package org.penpals.prompt.library;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.Rules;

/**
 * A prompt in the library: a weekly topic or a touchpoint (check-in, survey), with an English title
 * and Markdown body and optional translations. Validates itself, naming each broken field.
 *
 * @param id stable id, lower-case letters, digits and dashes
 * @param theme what it is about, e.g. {@code advocacy}
 * @param translations by ISO 639-1 language code (English is the main text)
 * @param position order of topics in the default programme; the last topic closes every cycle
 */
public record LibraryPrompt(
    String id,
    PromptKind kind,
    String title,
    String body,
    String theme,
    Map<String, Translation> translations,
    int position) {

  public static final int MAX_TITLE = 200;
  public static final int MAX_BODY = 10_000;
  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");
  private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());

  public LibraryPrompt {
    Rules rules = new Rules();
    rules.require(id != null && ID.matcher(id).matches(), "id", "must be 1-80 of a-z, 0-9, -");
    rules.present(kind, "kind");
    title = rules.text(title, "title", 1, MAX_TITLE);
    body = rules.text(normalise(body), "body", 1, MAX_BODY);
    theme = rules.text(theme, "theme", 1, 60);
    rules.require(position >= 1 && position <= 1000, "position", "must be between 1 and 1000");
    translations = translations(translations, rules, "translations");
    rules.throwIfAny();
  }

  /** Checks translations: language codes, title and body of each; returns them sorted by code. */
  public static Map<String, Translation> translations(
      @Nullable Map<String, Translation> translations, Rules rules, String field) {
    Map<String, Translation> checked = new TreeMap<>();
    if (translations == null) {
      return Map.of();
    }
    if (translations.size() > 20) {
      rules.add(field, "must have at most 20 languages");
    }
    translations.forEach(
        (code, t) -> {
          String path = field + "." + code;
          if (code == null || !LANGUAGES.contains(code) || !code.equals(code.toLowerCase())) {
            rules.add(path, "must be keyed by an ISO 639-1 language code in lower case, e.g. es");
            return;
          }
          if ("en".equals(code)) {
            rules.add(path, "English is the main text, not a translation");
            return;
          }
          if (t == null) {
            rules.add(path, "is required");
            return;
          }
          String title = rules.text(t.title(), path + ".title", 1, MAX_TITLE);
          String body = rules.text(normalise(t.body()), path + ".body", 1, MAX_BODY);
          checked.put(code, new Translation(title, body));
        });
    return java.util.Collections.unmodifiableMap(checked);
  }

  /** Windows line ends become plain new lines (Markdown does not care, validation does). */
  public static @Nullable String normalise(@Nullable String text) {
    return text == null ? null : text.replace("\r\n", "\n").replace('\r', '\n');
  }
}
