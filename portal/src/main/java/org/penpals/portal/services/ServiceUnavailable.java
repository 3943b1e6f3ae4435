package org.penpals.portal.services;

/** A service did not answer in time, answered 5xx, or its circuit breaker is open. */
public class ServiceUnavailable extends RuntimeException {
  private final String service;

  public ServiceUnavailable(String service, String message, Throwable cause) {
    super(service + ": " + message, cause);
    this.service = service;
  }

  public ServiceUnavailable(String service, String message) {
    super(service + ": " + message);
    this.service = service;
  }

  /** registration, matching, prompts or messaging. */
  public String service() {
    return service;
  }
}
