package org.penpals.platform.web;

import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Building blocks of Penpals problem details. */
public final class Problems {
  /** Base of every problem type URI; each type is documented in docs/problems.md. */
  public static final String TYPE_BASE = "https://penpals.org/problems/";

  private Problems() {}

  public static URI type(String kind) {
    return URI.create(TYPE_BASE + kind);
  }

  public static ProblemDetail problem(
      HttpStatusCode status, String kind, String title, String detail, List<FieldProblem> errors) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(type(kind));
    problem.setTitle(title);
    if (!errors.isEmpty()) {
      problem.setProperty("errors", errors);
    }
    return problem;
  }

  /** The response for a {@link ProblemException}, for advices outside the platform. */
  public static org.springframework.http.ResponseEntity<ProblemDetail> response(
      ProblemException e, jakarta.servlet.http.HttpServletRequest request) {
    ProblemDetail body =
        problem(
            e.status(),
            e.type().toString().substring(TYPE_BASE.length()),
            e.status().getReasonPhrase(),
            e.getMessage() == null ? e.status().getReasonPhrase() : e.getMessage(),
            e.errors());
    e.properties().forEach(body::setProperty);
    body.setInstance(URI.create(request.getRequestURI()));
    return org.springframework.http.ResponseEntity.status(e.status())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .header("Cache-Control", "no-store")
        .body(body);
  }

  static String summary(List<FieldProblem> errors) {
    if (errors.isEmpty()) {
      return "The request is invalid.";
    }
    return errors.stream()
        .limit(5)
        .map(e -> e.field() + ": " + e.message())
        .collect(Collectors.joining("; "));
  }
}
