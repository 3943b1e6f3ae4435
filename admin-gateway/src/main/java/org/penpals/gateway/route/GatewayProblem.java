package org.penpals.gateway.route;

import java.util.List;
import org.penpals.platform.web.FieldProblem;
import org.penpals.platform.web.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** A request the gateway answers itself, as an RFC 9457 problem (never forwarded). */
public final class GatewayProblem extends RuntimeException {
  private final HttpStatus status;
  private final String kind;
  private final String field;

  public GatewayProblem(HttpStatus status, String kind, String detail) {
    this(status, kind, detail, "");
  }

  public GatewayProblem(HttpStatus status, String kind, String detail, String field) {
    super(detail, null, false, false);
    this.status = status;
    this.kind = kind;
    this.field = field;
  }

  public HttpStatus status() {
    return status;
  }

  public ProblemDetail problem() {
    return Problems.problem(
        status,
        kind,
        status.getReasonPhrase(),
        getMessage(),
        field.isEmpty() ? List.of() : List.of(new FieldProblem(field, getMessage())));
  }

  public static GatewayProblem outOfScope(String detail) {
    return new GatewayProblem(HttpStatus.FORBIDDEN, "forbidden", detail);
  }
}
