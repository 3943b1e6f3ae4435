package org.penpals.gateway.staff;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.gateway.signin.SignInAttempts;
import org.penpals.gateway.signin.SignInService;
import org.penpals.platform.testkit.SharedInfrastructure;

/** {@code admin create EMAIL} against the MongoDB-wire server, as {@code ./penpals} runs it. */
class AdminCommandIT {
  private static final Pattern PASSWORD = Pattern.compile("(?m)^ {4}(\\S+)$");

  private MongoClient client;
  private MongoDatabase database;
  private Map<String, String> env;

  /** What one run printed. */
  record Run(int exit, String out, String err) {
    String password() {
      Matcher m = PASSWORD.matcher(out);
      assertThat(m.find()).as(out).isTrue();
      return m.group(1);
    }
  }

  @BeforeEach
  void setUp() {
    String name = "penpals-gateway-admin-" + UUID.randomUUID().toString().substring(0, 8);
    client = MongoClients.create(SharedInfrastructure.mongoAddress());
    database = client.getDatabase(name);
    env =
        Map.of(
            "MONGODB_URI",
            SharedInfrastructure.mongoAddress() + "/" + name,
            "PENPALS_GATEWAY_URL",
            "http://localhost:18080");
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void shouldCreateAnAdministratorWhoseOneTimePasswordSignsInOnceToChooseAnother() {
    // when the first administrator is created
    Run created = run("create", "First.Admin@Example.org", "--name", "First Admin");

    // then the command prints a one-time password and where to use it
    assertThat(created.exit()).as(created.err()).isZero();
    assertThat(created.out())
        .contains("Created administrator first.admin@example.org")
        .contains("Sign in at http://localhost:18080/login");
    SignInService.Outcome outcome =
        signIn().password("first.admin@example.org", created.password());
    assertThat(outcome).isInstanceOf(SignInService.SignedIn.class);
    StaffPrincipal admin = ((SignInService.SignedIn) outcome).principal();
    assertThat(admin.role()).isEqualTo(StaffRole.ADMIN);
    assertThat(admin.mustChangePassword()).isTrue();
    assertThat(admin.displayName()).isEqualTo("First Admin");
  }

  @Test
  void shouldRefuseASecondAccountForTheSameEmailButResetItsPasswordWhenAsked() {
    // given an administrator
    String first = run("create", "admin@example.org").password();

    // when the command runs again, then with --reset
    Run again = run("create", "admin@example.org");
    Run reset = run("create", "admin@example.org", "--reset");

    // then the account is not replaced, and only the newest one-time password works
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("--reset");
    assertThat(reset.exit()).as(reset.err()).isZero();
    assertThat(signIn().password("admin@example.org", first))
        .isInstanceOf(SignInService.Refused.class);
    assertThat(signIn().password("admin@example.org", reset.password()))
        .isInstanceOf(SignInService.SignedIn.class);
  }

  @Test
  void shouldExplainBadArgumentsWithoutTouchingTheDatabase() {
    assertThat(run().exit()).isEqualTo(2);
    assertThat(run("create").err()).contains("EMAIL is required", "usage: admin create EMAIL");
    assertThat(run("create", "a@example.org", "b@example.org").exit()).isEqualTo(2);
    Run invalid = run("create", "not-an-email");
    assertThat(invalid.exit()).isEqualTo(2);
    assertThat(invalid.err()).startsWith("admin: email");
    assertThat(run("create", "nobody@example.org", "--reset").exit()).isEqualTo(1);
    assertThat(database.getCollection(StaffAccounts.COLLECTION).countDocuments()).isZero();
  }

  @Test
  void shouldSayWhenTheDatabaseIsNotThere() {
    Map<String, String> away = Map.of("MONGODB_URI", "mongodb://127.0.0.1:1/penpals-gateway");

    Run run = run(away, "create", "admin@example.org");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("cannot reach MongoDB", "127.0.0.1:1");
  }

  private SignInService signIn() {
    Clock clock = Clock.systemUTC();
    return new SignInService(
        new StaffAccounts(database),
        new SignInAttempts(database, 5, Duration.ofMinutes(15)),
        Passwords.encoder(),
        clock);
  }

  private Run run(String... args) {
    return run(env, args);
  }

  private static Run run(Map<String, String> env, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        AdminCommand.run(
            args,
            env,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
