package org.penpals.platform.web;

import java.io.IOException;

/** Thrown while reading a request body that exceeds the endpoint's limit; answered with 413. */
public class BodyTooLargeException extends IOException {
  public BodyTooLargeException(long limit) {
    super("request body exceeds " + limit + " bytes");
  }
}
