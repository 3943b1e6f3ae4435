package org.penpals.contracts.matching;

import java.util.List;
import java.util.Objects;

final class Check {
  private Check() {}

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
}
