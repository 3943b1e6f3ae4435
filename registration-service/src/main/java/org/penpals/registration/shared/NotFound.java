package org.penpals.registration.shared;

/** What was asked for does not exist (or is not visible to the caller). 404. */
public class NotFound extends RuntimeException {
  public NotFound(String what) {
    super(what + " not found");
  }
}
