package org.penpals.cli;

/** The command line is wrong: the CLI prints the message and the usage, and exits with 2. */
public final class UsageException extends RuntimeException {
  public UsageException(String message) {
    super(message);
  }
}
