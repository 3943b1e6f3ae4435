package org.penpals.gateway.console;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Who an announcement is for, as messaging names it (ADR 0012 §5), in words. */
public enum AnnouncementSegment {
  ALL("Everyone in the cycle"),
  PARTNERED("Everyone in a running partnership"),
  WAITLISTED("Everyone still waiting for a place or a partner"),
  COUNTRY("Everyone working in one country");

  private final String label;

  AnnouncementSegment(String label) {
    this.label = label;
  }

  public static @Nullable AnnouncementSegment of(@Nullable String kind) {
    if (kind == null) {
      return null;
    }
    try {
      return valueOf(kind.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  public String label() {
    return label;
  }

  public boolean needsCountry() {
    return this == COUNTRY;
  }
}
