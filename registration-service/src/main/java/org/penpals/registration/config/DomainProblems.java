package org.penpals.registration.config;

import java.util.List;
import org.penpals.platform.web.FieldProblem;
import org.penpals.platform.web.ProblemException;
import org.penpals.registration.shared.InvalidInput;
import org.penpals.registration.shared.NotFound;
import org.penpals.registration.shared.StateConflict;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Translates the domain's plain exceptions into the platform's problems. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainProblems {

  @ExceptionHandler(InvalidInput.class)
  void invalid(InvalidInput e) {
    throw ProblemException.invalid(
        e.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList());
  }

  @ExceptionHandler(StateConflict.class)
  void conflict(StateConflict e) {
    throw ProblemException.conflict(e.getMessage(), e.field());
  }

  @ExceptionHandler(NotFound.class)
  void notFound(NotFound e) {
    throw new ProblemException(
        org.springframework.http.HttpStatus.NOT_FOUND, "not-found", e.getMessage(), List.of());
  }
}
