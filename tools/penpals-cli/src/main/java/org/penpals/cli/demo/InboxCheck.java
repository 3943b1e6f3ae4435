package org.penpals.cli.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Whether the mails the demo counted on Kafka ({@code MailSent} of its cycle, by kind) are the
 * mails the local SMTP server received. The inbox keeps every mail since it started, earlier demo
 * runs' too, to the same synthetic addresses; so the demo takes the inbox's count of each kind when
 * it starts and compares the counts it made with what each kind <em>gained</em> since. That is
 * sound as long as nothing else mails through the stack meanwhile (a portal sign-in, another demo):
 * such a mail shows as a difference, never as a match.
 *
 * @param counted mails of the cycle by kind, from {@code MailSent} on Kafka
 * @param before the inbox's mails by kind when the demo started
 * @param after the inbox's mails by kind now
 */
public record InboxCheck(
    Map<String, Integer> counted, Map<String, Integer> before, Map<String, Integer> after) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public InboxCheck {
    counted = Map.copyOf(counted);
    before = Map.copyOf(before);
    after = Map.copyOf(after);
  }

  /** Mails by kind in the local inbox's JSON list ({@code GET /api/messages}). */
  public static Map<String, Integer> countByKind(String inboxJson) {
    JsonNode messages = JSON.readTree(inboxJson);
    if (!messages.isArray()) {
      throw new IllegalArgumentException("the inbox did not answer a JSON list");
    }
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode message : messages) {
      String kind = message.path("kind").asString("");
      counts.merge(kind.isEmpty() ? "(no kind)" : kind, 1, Integer::sum);
    }
    return counts;
  }

  /** What each kind gained in the inbox since the demo started. */
  public Map<String, Integer> added() {
    Map<String, Integer> added = new TreeMap<>();
    after.forEach((kind, n) -> added.put(kind, n - before.getOrDefault(kind, 0)));
    added.values().removeIf(n -> n == 0);
    return added;
  }

  /** Every kind whose count differs, in words; empty when they all agree. */
  public List<String> differences() {
    Map<String, Integer> added = added();
    List<String> differences = new ArrayList<>();
    new TreeMap<>(counted)
        .forEach(
            (kind, n) -> {
              int inbox = added.getOrDefault(kind, 0);
              if (inbox != n) {
                differences.add(kind + " " + n + " on Kafka, " + inbox + " new in the inbox");
              }
            });
    added.forEach(
        (kind, n) -> {
          if (!counted.containsKey(kind)) {
            differences.add(kind + " 0 on Kafka, " + n + " new in the inbox");
          }
        });
    return differences;
  }

  public boolean agrees() {
    return differences().isEmpty();
  }
}
