package org.penpals.gateway.console;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A partnership's status and check-in as matching reports them (ADR 0012), in words for the
 * partnerships page.
 */
final class PartnershipStates {
  private PartnershipStates() {}

  enum Status {
    ACTIVE("Active"),
    DISSOLVED("Dissolved"),
    COMPLETED("Completed");

    private final String label;

    Status(String label) {
      this.label = label;
    }

    static @Nullable Status of(@Nullable Object value) {
      return parse(Status.class, value);
    }

    String label() {
      return label;
    }
  }

  enum DissolvedReason {
    WITHDRAWAL("a member withdrew"),
    ERASURE("a member's personal data was erased"),
    STAFF("ended by staff"),
    QUIET("a member went quiet and the other was given a new partner");

    private final String words;

    DissolvedReason(String words) {
      this.words = words;
    }

    static @Nullable DissolvedReason of(@Nullable Object value) {
      return parse(DissolvedReason.class, value);
    }
  }

  /**
   * Adds {@code state} (the {@link Status}), {@code statusText} and {@code checkInText} to a
   * partnership of matching's list, for the template.
   */
  static Map<String, Object> describe(Map<String, Object> p, Words words) {
    Status status = Status.of(p.get("status"));
    p.put("state", status);
    p.put("active", status == Status.ACTIVE);
    p.put("statusText", statusText(p, status, words));
    p.put("checkInText", checkIn(p));
    return p;
  }

  static String statusText(Map<String, Object> p, @Nullable Status status, Words words) {
    if (status == null) {
      return Words.constant(String.valueOf(p.get("status")));
    }
    return switch (status) {
      case ACTIVE -> "Active since " + words.when(text(p.get("formedAt")));
      case DISSOLVED -> {
        DissolvedReason reason = DissolvedReason.of(p.get("dissolvedReason"));
        yield "Dissolved "
            + words.when(text(p.get("dissolvedAt")))
            + (reason == null ? "" : ": " + reason.words);
      }
      case COMPLETED -> "Completed " + words.when(text(p.get("completedAt")));
    };
  }

  /** "connected (2 of 2 answered)", "not connected (1 of 2 answered)", "no answer yet". */
  @SuppressWarnings("unchecked")
  static String checkIn(Map<String, Object> p) {
    Object checkIn = p.get("checkIn");
    if (!(checkIn instanceof Map<?, ?> c)) {
      return "no answer yet";
    }
    Object answered = c.get("answered");
    int count = answered instanceof List<?> l ? l.size() : 0;
    Object members = p.get("members");
    int of = members instanceof List<?> l ? l.size() : 0;
    Object connected = c.get("connected");
    if (count == 0 || connected == null) {
      return "no answer yet";
    }
    String answers = " (" + count + " of " + of + " answered)";
    return (Boolean.TRUE.equals(connected) ? "connected" : "not connected") + answers;
  }

  private static String text(@Nullable Object value) {
    return value == null ? "" : value.toString();
  }

  private static <E extends Enum<E>> @Nullable E parse(Class<E> type, @Nullable Object value) {
    if (value == null) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.toString().strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
