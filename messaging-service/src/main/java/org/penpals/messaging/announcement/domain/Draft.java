package org.penpals.messaging.announcement.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.Rules;

/**
 * What a coordinator asks to announce: the English (default) subject and Markdown body, versions in
 * other languages, the segment, and when to send it (now if not given).
 *
 * @param translations by language ({@code en}, {@code es}, {@code fr}); a recipient whose language
 *     has none reads {@code text}
 * @param sendAt when to send; null: as soon as possible
 */
public record Draft(
    Text text, Map<String, Text> translations, Segment segment, @Nullable Instant sendAt) {
  /** The languages a translation may be given in (those programme mail is written in). */
  public static final List<String> LANGUAGES = List.of("en", "es", "fr");

  /** How far in the past {@code sendAt} may be (a form submitted a little late is "now"). */
  public static final Duration LATE = Duration.ofMinutes(1);

  /** How far ahead an announcement may be scheduled. */
  public static final Duration AHEAD = Duration.ofDays(366);

  public Draft {
    Objects.requireNonNull(text, "text");
    translations = Map.copyOf(translations);
    Objects.requireNonNull(segment, "segment");
    if (!LANGUAGES.containsAll(translations.keySet())) {
      throw new IllegalArgumentException("translations only in " + LANGUAGES);
    }
  }

  /** The words a reader of {@code language} gets. */
  public Text in(String language) {
    return translations.getOrDefault(language, text);
  }

  /**
   * Identifies the request as sent (not when it arrived: a draft without {@code sendAt} repeated
   * later is the same draft), so the same idempotency key can tell a repeat from another request.
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder();
    append(canonical, text.subject());
    append(canonical, text.body());
    new TreeMap<>(translations)
        .forEach(
            (language, t) -> {
              append(canonical, language);
              append(canonical, t.subject());
              append(canonical, t.body());
            });
    append(canonical, segment.kind().name());
    append(canonical, segment.country() == null ? "" : segment.country());
    append(canonical, sendAt == null ? "" : sendAt.toString());
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256")
                  .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void append(StringBuilder to, String value) {
    to.append(value.length()).append(':').append(value).append(';');
  }

  /** A draft as it arrives: anything may be missing or wrong. */
  public record Raw(
      @Nullable String subject,
      @Nullable String body,
      @Nullable Map<String, @Nullable RawText> translations,
      @Nullable RawSegment segment,
      @Nullable Instant sendAt) {}

  public record RawText(@Nullable String subject, @Nullable String body) {}

  public record RawSegment(@Nullable String kind, @Nullable String country) {}

  /**
   * Checks a raw draft, naming each offending field in {@code rules} ({@code subject}, {@code
   * translations.es.body}, {@code segment.country}, {@code sendAt}, ...).
   *
   * @return the draft, or null if a rule was broken
   */
  public static @Nullable Draft check(Raw raw, Instant now, Rules rules) {
    int before = rules.violations().size();
    Text text = text(raw.subject(), raw.body(), "", rules);
    Map<String, Text> translations = new TreeMap<>();
    if (raw.translations() != null) {
      raw.translations()
          .forEach(
              (language, t) -> {
                String field = "translations." + language;
                if (!LANGUAGES.contains(language)) {
                  rules.add(field, "is not a language of programme mail: only en, es and fr");
                } else if (t == null) {
                  rules.add(field, "must have a subject and a body");
                } else {
                  Text translated = text(t.subject(), t.body(), field + ".", rules);
                  if (translated != null) {
                    translations.put(language, translated);
                  }
                }
              });
    }
    Segment segment = segment(raw.segment(), rules);
    Instant sendAt = raw.sendAt();
    if (sendAt != null) {
      rules.require(!sendAt.isBefore(now.minus(LATE)), "sendAt", "must not be in the past");
      rules.require(!sendAt.isAfter(now.plus(AHEAD)), "sendAt", "must be within a year");
    }
    if (rules.violations().size() > before || text == null || segment == null) {
      return null;
    }
    return new Draft(text, translations, segment, sendAt);
  }

  private static @Nullable Text text(
      @Nullable String subject, @Nullable String body, String prefix, Rules rules) {
    String s = rules.text(subject, prefix + "subject", 1, Text.SUBJECT_MAX);
    if (s != null && (s.contains("\n") || s.contains("\r"))) {
      rules.add(prefix + "subject", "must be one line");
    }
    String b =
        rules.text(
            body == null ? null : body.replace("\r\n", "\n").replace('\r', '\n'),
            prefix + "body",
            1,
            Text.BODY_MAX);
    try {
      return s == null || b == null ? null : new Text(s, b);
    } catch (IllegalArgumentException e) {
      return null; // already named by the rules above
    }
  }

  private static @Nullable Segment segment(@Nullable RawSegment raw, Rules rules) {
    if (raw == null) {
      rules.add("segment", "is required");
      return null;
    }
    Segment.Kind kind = null;
    if (raw.kind() == null || raw.kind().isBlank()) {
      rules.add("segment.kind", "is required");
    } else {
      for (Segment.Kind k : Segment.Kind.values()) {
        if (k.name().equals(raw.kind())) {
          kind = k;
        }
      }
      if (kind == null) {
        rules.add("segment.kind", "must be one of ALL, PARTNERED, WAITLISTED, COUNTRY");
      }
    }
    String country = raw.country();
    if (kind == Segment.Kind.COUNTRY) {
      if (country == null || country.isBlank()) {
        rules.add("segment.country", "is required for kind COUNTRY");
        return null;
      }
      if (!Segment.isCountry(country)) {
        rules.add("segment.country", "must be an ISO 3166-1 alpha-2 code in upper case, e.g. BG");
        return null;
      }
    } else if (country != null) {
      rules.add("segment.country", "is only given for kind COUNTRY");
      return null;
    }
    return kind == null ? null : new Segment(kind, country);
  }
}
