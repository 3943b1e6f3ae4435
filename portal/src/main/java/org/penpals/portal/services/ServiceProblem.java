package org.penpals.portal.services;

import java.util.List;

/**
 * A service's RFC 9457 answer to a 4xx: its status, type (the part after {@code
 * https://penpals.org/problems/}) and field errors, named as the JSON body names them.
 */
public class ServiceProblem extends RuntimeException {
  private final int status;
  private final String type;
  private final String detail;
  private final List<FieldError> errors;

  public ServiceProblem(int status, String type, String detail, List<FieldError> errors) {
    super(status + " " + type + ": " + detail);
    this.status = status;
    this.type = type;
    this.detail = detail;
    this.errors = List.copyOf(errors);
  }

  /** One offending input: {@code languages[0].code}, {@code consent.privacyNotice}, ... */
  public record FieldError(String field, String message) {}

  public int status() {
    return status;
  }

  public String type() {
    return type;
  }

  /** The service's explanation (English, plain text). */
  public String detail() {
    return detail;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
