package org.penpals.gateway.console;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** How an announcement's delivery stands, as messaging names it, in words. */
public enum AnnouncementStatus {
  SCHEDULED("Scheduled"),
  SENDING("Sending"),
  SENT("Sent"),
  CANCELLED("Cancelled");

  private final String label;

  AnnouncementStatus(String label) {
    this.label = label;
  }

  public static @Nullable AnnouncementStatus of(@Nullable String status) {
    if (status == null) {
      return null;
    }
    try {
      return valueOf(status.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String label() {
    return label;
  }

  /** Only an announcement nobody has been sent yet can be cancelled (messaging answers 409). */
  public boolean cancellable() {
    return this == SCHEDULED;
  }
}
