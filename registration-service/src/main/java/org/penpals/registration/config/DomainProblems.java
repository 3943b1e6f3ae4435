package org.penpals.registration.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.penpals.platform.web.FieldProblem;
import org.penpals.platform.web.ProblemException;
import org.penpals.platform.web.Problems;
import org.penpals.registration.participant.application.ImportService;
import org.penpals.registration.shared.InvalidInput;
import org.penpals.registration.shared.NotFound;
import org.penpals.registration.shared.StateConflict;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Translates the domain's plain exceptions into the platform's problems. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainProblems {

  @ExceptionHandler(InvalidInput.class)
  ResponseEntity<ProblemDetail> invalid(InvalidInput e, HttpServletRequest request) {
    return Problems.response(
        ProblemException.invalid(
            e.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList()),
        request);
  }

  @ExceptionHandler(StateConflict.class)
  ResponseEntity<ProblemDetail> conflict(StateConflict e, HttpServletRequest request) {
    return Problems.response(ProblemException.conflict(e.getMessage(), e.field()), request);
  }

  /** A refused import: 422 with every rejected row, named {@code rows[LINE].field}. */
  @ExceptionHandler(ImportService.Rejection.class)
  ResponseEntity<ProblemDetail> rejectedImport(
      ImportService.Rejection e, HttpServletRequest request) {
    List<FieldProblem> errors =
        e.rejected().stream()
            .flatMap(
                row ->
                    row.errors().stream()
                        .map(
                            v ->
                                new FieldProblem(
                                    "rows[" + row.line() + "]." + v.field(), v.message())))
            .toList();
    return Problems.response(
        new ProblemException(
            HttpStatus.UNPROCESSABLE_CONTENT,
            "import-rejected",
            e.getMessage(),
            errors,
            java.util.Map.of("rows", e.rows(), "rejected", e.rejected())),
        request);
  }

  @ExceptionHandler(NotFound.class)
  ResponseEntity<ProblemDetail> notFound(NotFound e, HttpServletRequest request) {
    return Problems.response(
        new ProblemException(
            HttpStatus.NOT_FOUND,
            "not-found",
            e.getMessage(),
            e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), "does not exist"))),
        request);
  }
}
