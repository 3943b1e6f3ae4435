package org.penpals.registration.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.penpals.platform.web.FieldProblem;
import org.penpals.platform.web.ProblemException;
import org.penpals.platform.web.Problems;
import org.penpals.registration.participant.application.ImportService;
import org.penpals.registration.participant.application.SignInService;
import org.penpals.registration.participant.application.Waitlist;
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

  /**
   * A sign-in link that was used, has expired or never existed: 410, the three alike, so a guessed
   * token learns nothing.
   */
  @ExceptionHandler(SignInService.LinkGone.class)
  ResponseEntity<ProblemDetail> signInLinkGone(
      SignInService.LinkGone e, HttpServletRequest request) {
    ProblemDetail body =
        Problems.problem(
            HttpStatus.GONE,
            "sign-in-link-gone",
            "Used or expired sign-in link",
            "This sign-in link was already used or has expired. Ask for a new one.",
            List.of());
    body.setInstance(java.net.URI.create(request.getRequestURI()));
    return ResponseEntity.status(HttpStatus.GONE)
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  /**
   * Staff asked to admit applicants some of whom cannot be: 409 naming each ({@code
   * participantIds[i]}); nobody was admitted.
   */
  @ExceptionHandler(Waitlist.Refused.class)
  ResponseEntity<ProblemDetail> refusedAdmission(Waitlist.Refused e, HttpServletRequest request) {
    return Problems.response(
        new ProblemException(
            HttpStatus.CONFLICT,
            "conflict",
            e.getMessage(),
            e.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList()),
        request);
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
}
