package org.penpals.platform.domain;

import org.jspecify.annotations.Nullable;

/** What was asked for does not exist (or is not visible to the caller). 404. */
public class NotFound extends RuntimeException {
  private final @Nullable String field;

  public NotFound(String what) {
    this(what, null);
  }

  /**
   * @param field the input that named the missing thing, e.g. {@code cycleId}
   */
  public NotFound(String what, @Nullable String field) {
    super(what + " not found");
    this.field = field;
  }

  public @Nullable String field() {
    return field;
  }
}
