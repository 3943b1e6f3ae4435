package org.penpals.portal.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import org.penpals.portal.services.Messaging;

/**
 * A notice as the pages show it. Its text is plain text, always written with {@code th:text}
 * (markup shows as text) with its line breaks kept. Pages stay light: lists show an excerpt and
 * link to the whole notice by a key derived from the service's id (the id itself names the
 * partnership and the participant, which no portal URL carries).
 *
 * @param key a stable, opaque key for {@code /updates/{key}}
 * @param excerpt the text, cut at about {@value #EXCERPT} characters
 * @param truncated the excerpt is not the whole text
 */
public record Update(
    String key,
    Messaging.NoticeKind kind,
    String subject,
    String text,
    String excerpt,
    boolean truncated,
    Instant at) {
  static final int EXCERPT = 300;

  static Update of(Messaging.Notice notice) {
    String text = notice.text().strip();
    boolean truncated = text.length() > EXCERPT;
    return new Update(
        key(notice.id()),
        notice.kind(),
        notice.subject(),
        text,
        truncated ? excerpt(text) : text,
        truncated,
        notice.at());
  }

  static String key(String id) {
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String excerpt(String text) {
    int cut = EXCERPT;
    int space = text.lastIndexOf(' ', EXCERPT);
    int newline = text.lastIndexOf('\n', EXCERPT);
    int boundary = Math.max(space, newline);
    if (boundary > EXCERPT / 2) {
      cut = boundary;
    } else if (Character.isHighSurrogate(text.charAt(cut - 1))) {
      cut--;
    }
    return text.substring(0, cut).stripTrailing() + "…";
  }
}
