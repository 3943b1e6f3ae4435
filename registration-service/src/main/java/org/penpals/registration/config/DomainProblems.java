package org.penpals.registration.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.penpals.platform.web.FieldProblem;
import org.penpals.platform.web.ProblemException;
import org.penpals.platform.web.Problems;
import org.penpals.registration.participant.application.ImportService;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Problems specific to this service (the platform answers the shared domain exceptions). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class DomainProblems {

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
}
