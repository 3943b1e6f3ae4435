package org.penpals.local.stack.portal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** The local SMTP server's JSON API: the mail programme services sent. */
final class Inbox {
  private final String base;

  Inbox(String base) {
    this.base = base;
  }

  /** One mail: its kind (X-Penpals-Mail-Kind) and plain text. */
  record Mail(int id, String messageId, String kind, String subject, String text) {
    /** The first portal link in the text whose path starts with {@code prefix}. */
    String link(String portal, String prefix) {
      Matcher m = Pattern.compile(Pattern.quote(portal + prefix) + "[^\\s<>\"]+").matcher(text);
      if (!m.find()) {
        throw new AssertionError("no " + portal + prefix + " link in mail " + this);
      }
      return m.group();
    }

    /** The token at the end of a {@code /verify/T}, {@code /sign-in/T} or {@code ?token=T} link. */
    String token(String portal, String prefix) {
      String link = link(portal, prefix);
      int at = Math.max(link.lastIndexOf('/'), link.lastIndexOf('='));
      return link.substring(at + 1);
    }
  }

  List<Mail> to(String address) {
    Stack.Answer answer =
        Stack.call(
            "GET",
            base + "/api/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8),
            null,
            null);
    List<Mail> mails = new ArrayList<>();
    for (JsonNode summary : answer.json()) {
      JsonNode full =
          Stack.call("GET", base + "/api/messages/" + summary.get("id").asInt(), null, null).json();
      mails.add(
          new Mail(
              full.get("id").asInt(),
              full.path("messageId").asString(""),
              full.path("kind").asString(""),
              full.path("subject").asString(""),
              full.path("text").asString("")));
    }
    return mails;
  }

  /**
   * Waits for a mail of a kind to an address that is not among {@code before} (the Message-IDs the
   * address had; the inbox's ids are positions, not arrival order).
   */
  Mail await(String address, String kind, Set<String> before, Duration timeout) {
    AtomicReference<Mail> found = new AtomicReference<>();
    org.awaitility.Awaitility.await(kind + " mail to " + address)
        .atMost(timeout)
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              for (Mail mail : to(address)) {
                if (mail.kind().equals(kind) && !before.contains(mail.messageId())) {
                  found.set(mail);
                  return true;
                }
              }
              return false;
            });
    return found.get();
  }

  /** The Message-IDs of the mail an address has now. */
  Set<String> seen(String address) {
    Set<String> ids = new HashSet<>();
    for (JsonNode summary :
        Stack.call(
                "GET",
                base + "/api/messages?to=" + URLEncoder.encode(address, StandardCharsets.UTF_8),
                null,
                null)
            .json()) {
      ids.add(summary.path("messageId").asString(""));
    }
    return ids;
  }
}
