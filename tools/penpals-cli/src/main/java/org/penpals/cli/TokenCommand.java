package org.penpals.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.security.Role;
import org.penpals.platform.security.Tokens;

/**
 * {@code token ROLE --keys DIR [--subject S] [--ttl 15m]}: prints one signed JWT for the local
 * stack. A PARTICIPANT token's subject is the participant id, so it must be given.
 */
final class TokenCommand implements Command {
  static final String ISSUER = "penpals";
  private static final Duration DEFAULT_TTL = Duration.ofMinutes(15);
  private static final Duration MAX_TTL = Duration.ofDays(30);

  private final Clock clock;

  TokenCommand(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "token";
  }

  @Override
  public String usage() {
    return "token ROLE --keys DIR [--subject S] [--ttl 15m]\n"
        + "                    print a signed JWT; ROLE is ADMIN, COORDINATOR, VIEWER or PARTICIPANT\n"
        + "                    (a PARTICIPANT's subject is the participant id and is required)";
  }

  @Override
  public int run(Arguments args, PrintStream out, PrintStream err) {
    args.allowOnly(2, Set.of("keys", "subject", "ttl"));
    Role role = role(args.positional(1));
    Path keys = Path.of(args.required("keys"));
    Duration ttl = args.durationOption("ttl", DEFAULT_TTL);
    if (ttl.compareTo(MAX_TTL) > 0) {
      throw new UsageException("--ttl must be at most 30d");
    }
    String subject = args.optional("subject");
    if (subject == null) {
      if (role == Role.PARTICIPANT) {
        throw new UsageException("a PARTICIPANT token needs --subject PARTICIPANT_ID");
      }
      subject = "local-" + role.name().toLowerCase(Locale.ROOT);
    }
    out.println(mint(keys, role, subject, ttl, clock));
    return 0;
  }

  /**
   * A token signed with the key pair in {@code keys}, as every command that calls the API needs.
   */
  static String mint(Path keys, Role role, String subject, Duration ttl, Clock clock) {
    return tokens(keys, clock).mint(subject, List.of(role), ttl);
  }

  /**
   * A minter with the key pair in {@code keys}, for commands that need many tokens: the demo acts
   * as many participants, each with a token as the portal mints it ({@code sub} the participant id,
   * {@code roles} [PARTICIPANT], issuer {@value #ISSUER}).
   */
  static Tokens tokens(Path keys, Clock clock) {
    try {
      return new Tokens(Tokens.readPem(keys), ISSUER, clock);
    } catch (RuntimeException e) {
      throw new CommandFailed(
          "could not read the key pair in "
              + keys
              + " ("
              + e.getMessage()
              + "); run `keys --dir "
              + keys
              + "` first",
          e);
    }
  }

  private static Role role(@Nullable String value) {
    if (value == null) {
      throw new UsageException("which role? ADMIN, COORDINATOR, VIEWER or PARTICIPANT");
    }
    try {
      return Role.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException(
          "unknown role " + value + ": ADMIN, COORDINATOR, VIEWER or PARTICIPANT");
    }
  }
}
