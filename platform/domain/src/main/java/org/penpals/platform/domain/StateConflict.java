package org.penpals.platform.domain;

import org.jspecify.annotations.Nullable;

/** The request is valid, but the current state forbids it (an illegal lifecycle move). 409. */
public class StateConflict extends RuntimeException {
  private final @Nullable String field;

  public StateConflict(String message, @Nullable String field) {
    super(message);
    this.field = field;
  }

  public StateConflict(String message) {
    this(message, null);
  }

  public @Nullable String field() {
    return field;
  }
}
