package org.penpals.gateway.staff;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;

/**
 * {@code admin create EMAIL [--name "Full Name"] [--reset]}: creates an administrator with a
 * one-time password, printed once, that must be replaced at first sign-in. There is no default
 * password. {@code --reset} gives an existing account a new one-time password (and the ADMIN role
 * stays what it was): the way back in when the last administrator forgot theirs.
 *
 * <p>Reads {@code MONGODB_URI} (default {@code mongodb://localhost:27017/penpals-gateway}) and
 * {@code PENPALS_GATEWAY_URL} for the address it prints. Runs without starting the gateway.
 */
public final class AdminCommand {
  public static final String NAME = "admin";
  static final String DEFAULT_URI = "mongodb://localhost:27017/penpals-gateway";
  static final String DEFAULT_DATABASE = "penpals-gateway";

  private AdminCommand() {}

  public static int run(String[] args, PrintStream out) {
    quietLogging();
    return run(args, System.getenv(), out, System.err);
  }

  /**
   * Without Spring Boot's logging setup, Logback would print the MongoDB driver's start-up chatter
   * around the password: only warnings, then.
   */
  private static void quietLogging() {
    if (org.slf4j.LoggerFactory.getILoggerFactory()
        instanceof ch.qos.logback.classic.LoggerContext logback) {
      logback
          .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)
          .setLevel(ch.qos.logback.classic.Level.WARN);
    }
  }

  static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    Request request;
    try {
      request = Request.parse(args);
    } catch (IllegalArgumentException e) {
      err.println("admin: " + e.getMessage());
      err.println(
          "usage: admin create EMAIL [--name \"Full Name\"] [--reset]   (MONGODB_URI, PENPALS_GATEWAY_URL)");
      return 2;
    }
    String uri = env.getOrDefault("MONGODB_URI", DEFAULT_URI);
    String url = env.getOrDefault("PENPALS_GATEWAY_URL", "http://localhost:8080");
    ConnectionString connection = new ConnectionString(uri);
    String database =
        connection.getDatabase() == null ? DEFAULT_DATABASE : connection.getDatabase();
    MongoClientSettings settings =
        MongoClientSettings.builder()
            .applyConnectionString(connection)
            .applyToClusterSettings(c -> c.serverSelectionTimeout(5, TimeUnit.SECONDS))
            .build();
    try (MongoClient client = MongoClients.create(settings)) {
      StaffAccounts accounts = new StaffAccounts(client.getDatabase(database));
      AccountService service =
          new AccountService(accounts, Passwords.encoder(), Clock.systemUTC(), Duration.ofDays(1));
      AccountService.Created created;
      String email = StaffAccount.normalizeEmail(request.email());
      if (request.reset()) {
        if (accounts.find(email).isEmpty()) {
          err.println("admin: there is no staff account " + email + " (drop --reset to create it)");
          return 1;
        }
        created = service.resetPassword(email, "admin-command");
      } else {
        try {
          created =
              service.create(email, request.name(), StaffRole.ADMIN, List.of(), "admin-command");
        } catch (StaffAccounts.AlreadyExists e) {
          err.println(
              "admin: "
                  + e.getMessage()
                  + "; to give it a new one-time password: admin create "
                  + email
                  + " --reset");
          return 1;
        }
      }
      out.printf(
          "%s %s (%s).%n",
          request.reset() ? "New one-time password for" : "Created administrator",
          created.account().email(),
          created.account().role().label());
      out.println(
          "One-time password (shown once; valid for 24 hours; to be replaced at first sign-in):");
      out.println();
      out.println("    " + created.oneTimePassword());
      out.println();
      out.println("Sign in at " + url + "/login");
      return 0;
    } catch (InvalidInput e) {
      err.println(
          "admin: " + e.violations().get(0).field() + " " + e.violations().get(0).message());
      return 2;
    } catch (MongoException e) {
      err.println(
          "admin: cannot reach MongoDB at "
              + connection.getHosts()
              + " ("
              + e.getClass().getSimpleName()
              + "); is the stack up? ./penpals up -d");
      return 1;
    }
  }

  record Request(String email, @Nullable String name, boolean reset) {
    static Request parse(String[] args) {
      List<String> rest = new ArrayList<>(List.of(args));
      if (rest.isEmpty() || !rest.remove(0).equals("create")) {
        throw new IllegalArgumentException("unknown command");
      }
      String name = null;
      boolean reset = false;
      String email = null;
      for (int i = 0; i < rest.size(); i++) {
        String arg = rest.get(i);
        if (arg.equals("--reset")) {
          reset = true;
        } else if (arg.equals("--name") && i + 1 < rest.size()) {
          name = rest.get(++i);
        } else if (arg.startsWith("--name=")) {
          name = arg.substring("--name=".length());
        } else if (arg.startsWith("-") || email != null) {
          throw new IllegalArgumentException("unexpected argument " + arg);
        } else {
          email = arg;
        }
      }
      if (email == null) {
        throw new IllegalArgumentException("EMAIL is required");
      }
      return new Request(email, name, reset);
    }
  }
}
