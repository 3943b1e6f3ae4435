package org.penpals.cli;

/** A command ran and failed (service down, events missing...): message printed, exit 1. */
public final class CommandFailed extends RuntimeException {
  public CommandFailed(String message) {
    super(message);
  }

  public CommandFailed(String message, Throwable cause) {
    super(message, cause);
  }
}
