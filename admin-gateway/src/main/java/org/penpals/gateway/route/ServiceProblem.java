package org.penpals.gateway.route;

import java.util.List;
import org.penpals.platform.web.FieldProblem;

/** A service answered with an error (its problem detail, as the console shows it). */
public final class ServiceProblem extends RuntimeException {
  private final int status;
  private final String title;
  private final List<FieldProblem> errors;

  public ServiceProblem(int status, String title, String detail, List<FieldProblem> errors) {
    super(detail, null, false, false);
    this.status = status;
    this.title = title;
    this.errors = List.copyOf(errors);
  }

  public int status() {
    return status;
  }

  public String title() {
    return title;
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
