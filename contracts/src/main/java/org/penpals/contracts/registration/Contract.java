package org.penpals.contracts.registration;

import java.util.List;
import java.util.Objects;

/** Small checks shared by the records' compact constructors. */
final class Contract {
  private Contract() {}

  static String text(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  static <T> List<T> list(List<T> value, String name) {
    return List.copyOf(Objects.requireNonNull(value, name));
  }

  static long revision(long revision) {
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be >= 1");
    }
    return revision;
  }
}
