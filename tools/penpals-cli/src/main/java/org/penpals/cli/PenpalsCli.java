package org.penpals.cli;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * The Penpals command line. {@code ./penpals} runs it as {@code java -cp "penpals-cli.jar:lib/*"
 * org.penpals.cli.PenpalsCli COMMAND ...}. Exit codes: 0 done, 1 the command failed, 2 the command
 * line is wrong.
 */
public final class PenpalsCli {
  private final List<Command> commands;

  PenpalsCli(Clock clock) {
    this.commands =
        List.of(
            new KeysCommand(),
            new TokenCommand(clock),
            new DemoCommand(clock),
            new BenchCommand(clock));
  }

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs one command line; returns the exit code instead of exiting (tests call this). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return new PenpalsCli(Clock.systemUTC()).execute(args, out, err);
  }

  int execute(String[] args, PrintStream out, PrintStream err) {
    try {
      Arguments arguments = Arguments.parse(args);
      String name = arguments.positional(0);
      if (name == null) {
        help(err);
        return 2;
      }
      if (name.equals("help") || name.equals("-h")) {
        help(out);
        return 0;
      }
      Command command =
          find(name).orElseThrow(() -> new UsageException("unknown command: " + name));
      try {
        return command.run(arguments, out, err);
      } catch (UsageException e) {
        err.println("penpals " + name + ": " + e.getMessage());
        err.println("usage: penpals " + command.usage());
        return 2;
      }
    } catch (UsageException e) {
      err.println("penpals: " + e.getMessage());
      help(err);
      return 2;
    } catch (CommandFailed e) {
      err.println("penpals: " + e.getMessage());
      return 1;
    }
  }

  private Optional<Command> find(String name) {
    return commands.stream().filter(c -> c.name().equals(name)).findFirst();
  }

  private void help(PrintStream out) {
    out.println("Penpals CLI, the command-line companion of the local stack (./penpals).");
    out.println();
    out.println("usage: penpals COMMAND [OPTIONS]");
    out.println();
    for (Command command : commands) {
      out.println("  " + command.usage());
    }
    out.println("  help                print this help");
    out.println();
    out.println("Exit codes: 0 done, 1 the command failed, 2 the command line is wrong.");
  }
}
