package org.penpals.cli;

import java.io.PrintStream;

/** One CLI command. */
interface Command {
  /** The word that selects it, e.g. {@code demo}. */
  String name();

  /** One line (or a few) of usage, shown by {@code help}. */
  String usage();

  /**
   * Runs the command.
   *
   * @param args the whole command line, parsed (the first positional is the command's name)
   * @param out where results go (standard output)
   * @param err where progress and diagnostics go (standard error)
   * @return the exit code
   * @throws UsageException when the arguments are wrong
   * @throws CommandFailed when the command could not do its job
   */
  int run(Arguments args, PrintStream out, PrintStream err);
}
