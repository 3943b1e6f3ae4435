package org.penpals.platform.domain;

import java.util.List;
import java.util.stream.Collectors;

/** The input breaks one or more rules. Answered 400 with every violation. */
public class InvalidInput extends RuntimeException {
  private final List<Violation> violations;

  public InvalidInput(List<Violation> violations) {
    super(
        violations.stream()
            .map(v -> v.field() + ": " + v.message())
            .collect(Collectors.joining("; ")));
    this.violations = List.copyOf(violations);
  }

  public static InvalidInput of(String field, String message) {
    return new InvalidInput(List.of(new Violation(field, message)));
  }

  public List<Violation> violations() {
    return violations;
  }
}
