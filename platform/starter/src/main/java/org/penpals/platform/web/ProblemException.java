package org.penpals.platform.web;

import java.net.URI;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * An error the client can act on, answered as an RFC 9457 problem. Domain code may throw the
 * subclasses' equivalents of its own; adapters translate them.
 */
public class ProblemException extends RuntimeException {
  private final HttpStatus status;
  private final String kind;
  private final List<FieldProblem> errors;
  private final java.util.Map<String, Object> properties;

  public ProblemException(
      HttpStatus status, String kind, String detail, List<FieldProblem> errors) {
    this(status, kind, detail, errors, java.util.Map.of());
  }

  /**
   * @param properties extension members of the problem (RFC 9457 section 3.2), e.g. a report
   */
  public ProblemException(
      HttpStatus status,
      String kind,
      String detail,
      List<FieldProblem> errors,
      java.util.Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.kind = kind;
    this.errors = List.copyOf(errors);
    this.properties = java.util.Map.copyOf(properties);
  }

  public java.util.Map<String, Object> properties() {
    return properties;
  }

  public HttpStatus status() {
    return status;
  }

  /** Problem type URI. */
  public URI type() {
    return Problems.type(kind);
  }

  public List<FieldProblem> errors() {
    return errors;
  }

  /** 400: the input breaks the rules; each field says how. */
  public static ProblemException invalid(List<FieldProblem> errors) {
    return new ProblemException(
        HttpStatus.BAD_REQUEST, "invalid-input", Problems.summary(errors), errors);
  }

  public static ProblemException invalid(String field, String message) {
    return invalid(List.of(new FieldProblem(field, message)));
  }

  /** 404. */
  public static ProblemException notFound(String what) {
    return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " not found", List.of());
  }

  /** 409: the request is valid but the resource's state forbids it. */
  public static ProblemException conflict(String detail, @Nullable String field) {
    return new ProblemException(
        HttpStatus.CONFLICT,
        "conflict",
        detail,
        field == null ? List.of() : List.of(new FieldProblem(field, detail)));
  }

  /** 422: understood, but the content cannot be processed as a whole (e.g. a CSV import). */
  public static ProblemException unprocessable(String detail, List<FieldProblem> errors) {
    return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "unprocessable", detail, errors);
  }
}
