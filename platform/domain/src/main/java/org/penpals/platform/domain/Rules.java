package org.penpals.platform.domain;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Collects violations while a value is checked, then throws them all at once. */
public final class Rules {
  private final List<Violation> violations = new ArrayList<>();

  public Rules require(boolean condition, String field, String message) {
    if (!condition) {
      violations.add(new Violation(field, message));
    }
    return this;
  }

  /** Required text, trimmed length within bounds; returns the trimmed value or null. */
  public @Nullable String text(@Nullable String value, String field, int min, int max) {
    if (value == null || (min > 0 && value.isBlank())) {
      if (min > 0) {
        violations.add(new Violation(field, "is required"));
      }
      return value == null ? null : value.strip();
    }
    String trimmed = value.strip();
    if (trimmed.length() < min) {
      violations.add(new Violation(field, "must have at least " + min + " characters"));
    } else if (trimmed.length() > max) {
      violations.add(new Violation(field, "must have at most " + max + " characters"));
    } else if (trimmed.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t')) {
      violations.add(new Violation(field, "must not contain control characters"));
    }
    return trimmed;
  }

  public <T> @Nullable T present(@Nullable T value, String field) {
    if (value == null) {
      violations.add(new Violation(field, "is required"));
    }
    return value;
  }

  public void add(String field, String message) {
    violations.add(new Violation(field, message));
  }

  public boolean ok() {
    return violations.isEmpty();
  }

  public List<Violation> violations() {
    return List.copyOf(violations);
  }

  public void throwIfAny() {
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
  }
}
