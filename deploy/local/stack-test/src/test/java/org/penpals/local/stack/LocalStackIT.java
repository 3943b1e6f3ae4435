package org.penpals.local.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The local stack end to end: the real {@code ./penpals} script starts Kafka, the MongoDB-wire
 * server, the SMTP server and every service in their own JVMs, on a throwaway home and free ports.
 */
class LocalStackIT {

  private static final Duration UP = Duration.ofMinutes(15);
  private static final Duration DOWN = Duration.ofMinutes(2);
  private static final Duration QUICK = Duration.ofMinutes(1);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The services {@code ./penpals up} starts in this checkout (the portal once it exists). */
  private static final List<String> SERVICES = services();

  private static Path home;
  private static Penpals penpals;
  private static String registration;

  @BeforeAll
  static void throwawayStack() throws IOException {
    home = Files.createTempDirectory("penpals-stack-it");
    List<Integer> ports = Penpals.freePorts(5 + SERVICES.size());
    Map<String, String> env = new LinkedHashMap<>();
    env.put("KAFKA_PORT", ports.get(0).toString());
    env.put("KAFKA_CONTROLLER_PORT", ports.get(1).toString());
    env.put("MONGO_PORT", ports.get(2).toString());
    env.put("SMTP_PORT", ports.get(3).toString());
    env.put("SMTP_INBOX_PORT", ports.get(4).toString());
    for (int i = 0; i < SERVICES.size(); i++) {
      env.put(SERVICES.get(i).toUpperCase(Locale.ROOT) + "_PORT", ports.get(5 + i).toString());
    }
    env.put("PENPALS_UP_TIMEOUT", "840");
    // every stack test shares the extracted jars and class-data archives: trained once per build
    env.put("PENPALS_CDS_DIR", Penpals.sharedCdsDirectory().toString());
    penpals = new Penpals(home, env);
    registration = "http://localhost:" + env.get("REGISTRATION_PORT");
  }

  @AfterAll
  static void down() throws IOException {
    try {
      penpals.run(DOWN, "down");
    } finally {
      Penpals.deleteRecursively(home);
    }
  }

  @Test
  void shouldKeepCyclesAndApplicationsAcrossARestart() {
    // given a running stack with an open cycle and one application
    penpals.run(UP, "up", "-d").requireSuccess();
    String token = penpals.run(QUICK, "token", "COORDINATOR").requireSuccess().stdout().strip();
    assertThat(token).matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");

    JsonNode cycle = send("POST", "/api/registration/cycles", token, cycleRequest(), 201);
    String cycleId = cycle.get("id").asString();
    assertThat(cycle.get("status").asString()).isEqualTo("DRAFT");
    send("POST", "/api/registration/cycles/" + cycleId + "/open", token, null, 200);
    JsonNode application =
        send(
            "POST",
            "/api/registration/cycles/" + cycleId + "/applications",
            null,
            applicationRequest(),
            201);
    String applicationId = application.get("id").asString();

    // when the whole stack is stopped and started again
    penpals.run(DOWN, "down").requireSuccess();
    assertEveryComponentStopped();
    penpals.run(UP, "up", "-d").requireSuccess();

    // then the cycle and the application are still there
    JsonNode reloaded = send("GET", "/api/registration/cycles/" + cycleId, token, null, 200);
    assertThat(reloaded.get("name").asString()).isEqualTo("Stack test");
    assertThat(reloaded.get("status").asString()).isEqualTo("REGISTRATION_OPEN");
    JsonNode page =
        send("GET", "/api/registration/cycles/" + cycleId + "/applications", token, null, 200);
    assertThat(page.get("total").asLong()).isEqualTo(1);
    assertThat(page.get("items").get(0).get("id").asString()).isEqualTo(applicationId);

    // and down stops everything
    penpals.run(DOWN, "down").requireSuccess();
    assertEveryComponentStopped();
  }

  @Test
  void shouldRunTheDemoFromApplicationsToPublishedPartnerships() {
    // given a running stack
    penpals.run(UP, "up", "-d").requireSuccess();
    String token = penpals.run(QUICK, "token", "COORDINATOR").requireSuccess().stdout().strip();

    // when the demo plays a small cohort's whole cycle, twice on the same stack
    for (int run = 1; run <= 2; run++) {
      Map<String, Integer> before = inboxByKind();
      long started = System.nanoTime();
      Penpals.Result demo =
          penpals
              .run(UP, "demo", "--applicants", "40", "--countries", "12", "--timeout", "5m")
              .requireSuccess();
      String out = demo.stdout();
      System.out.printf(
          "demo run %d took %.1f s%n%s%n", run, (System.nanoTime() - started) / 1e9, out);

      // then every event reached Kafka, the cohort was matched as far as possible, and published
      assertThat(out)
          .contains("all 120 events on Kafka")
          .containsPattern("only [A-Z]{2} \\(\\d+ applicants\\) goes over it")
          .containsPattern("matching\\s+(\\d+) of \\d+ matched \\(at most \\1 could be\\)")
          .containsPattern("published\\s+[1-9]\\d* partnerships")
          .containsPattern("afterPublication AUTOMATIC, quietRematch AUTOMATIC");
      // and every first partner got one introduction, every PromptDue one prompt mail
      Matcher introduced =
          Pattern.compile(
                  "introduced\\s+(\\d+) introduction mails sent, one per partner \\((\\d+) in")
              .matcher(out);
      assertThat(introduced.find()).as(out).isTrue();
      assertThat(introduced.group(1)).isEqualTo(introduced.group(2));
      Matcher prompts =
          Pattern.compile(
                  "prompts\\s+weeks 1-17 due for every partner of each week: (\\d+) PromptDue"
                      + " events \\(\\d+ marked late\\), (\\d+) prompt mails sent")
              .matcher(out);
      assertThat(prompts.find()).as(out).isTrue();
      assertThat(prompts.group(2)).isEqualTo(prompts.group(1));
      assertThat(Integer.parseInt(prompts.group(1)))
          .isGreaterThanOrEqualTo(Integer.parseInt(introduced.group(1)) * 15);

      // and the cycle completed, as registration says too
      assertThat(out).containsPattern("(?m)^\\s+cycle\\s+COMPLETED \\(registration\\)");
      Matcher cycle = Pattern.compile("Demo cycle (\\S+) ").matcher(out);
      assertThat(cycle.find()).as(out).isTrue();
      JsonNode completed =
          send("GET", "/api/registration/cycles/" + cycle.group(1), token, null, 200);
      assertThat(completed.get("status").asString()).isEqualTo("COMPLETED");
      assertThat(completed.get("runningSince").isNull()).isFalse();
      assertThat(completed.get("completedAt").isNull()).isFalse();

      // and one line per life event gives its count of mails ...
      Map<String, Integer> printed = new TreeMap<>();
      Matcher line = Pattern.compile("(?m)^\\s{2}[a-z ]+?\\s+(\\d+) ([A-Z_]+) mails").matcher(out);
      while (line.find()) {
        printed.put(line.group(2), Integer.parseInt(line.group(1)));
      }
      assertThat(printed)
          .as(out)
          .containsKeys(
              "WAITLISTED",
              "ADMITTED",
              "INTRODUCTION",
              "ANNOUNCEMENT",
              "PARTNER_LEFT",
              "NEW_PARTNER",
              "REMINDER",
              "PARTNERSHIP_DISSOLVED",
              "PROMPT",
              "PARTNERSHIP_ENDED",
              "CYCLE_COMPLETED");
      assertThat(printed.get("INTRODUCTION"))
          .isGreaterThanOrEqualTo(Integer.parseInt(introduced.group(1)));
      assertThat(printed.get("PROMPT")).isEqualTo(Integer.parseInt(prompts.group(2)));
      // ... which is what the local inbox received of that kind during the run (read here, apart
      // from the demo's own comparison), and nothing else
      Map<String, Integer> after = inboxByKind();
      Map<String, Integer> added = new TreeMap<>();
      after.forEach((kind, n) -> added.put(kind, n - before.getOrDefault(kind, 0)));
      added.values().removeIf(n -> n == 0);
      printed.forEach(
          (kind, n) -> assertThat(added.getOrDefault(kind, 0)).as(kind + "\n" + out).isEqualTo(n));
      assertThat(printed.keySet()).as("every kind the inbox received").containsAll(added.keySet());
      assertThat(added.values().stream().filter(n -> n > 0)).hasSizeGreaterThanOrEqualTo(8);
      assertThat(out).contains("the local inbox received since the demo started");
    }
  }

  private static Map<String, Integer> inboxByKind() {
    Map<String, Integer> counts = new TreeMap<>();
    for (JsonNode mail : getJson(inboxUrl() + "api/messages")) {
      counts.merge(mail.path("kind").asString(""), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void shouldNotStartDuplicatesWhenUpIsRunTwice() {
    // given a running stack
    penpals.run(UP, "up", "-d").requireSuccess();
    Map<String, String> pids = pids();
    assertThat(pids.values()).allSatisfy(pid -> assertThat(pid).isNotBlank());

    // when up -d runs again
    Penpals.Result again = penpals.run(UP, "up", "-d").requireSuccess();

    // then the same processes keep running and status reports them ready
    assertThat(pids()).isEqualTo(pids);
    assertThat(again.stderr()).contains("already running");
    String status = penpals.run(QUICK, "status").requireSuccess().stdout();
    for (String service : SERVICES) {
      assertThat(status)
          .containsPattern(
              "(?m)^" + service + "\\s+running\\s+" + pids.get(service) + "\\s.*ready");
    }

    // and the first administrator of the staff console can be created, once
    Penpals.Result admin =
        penpals.run(QUICK, "admin", "create", "admin@example.org", "--name", "Ada Admin");
    admin.requireSuccess();
    assertThat(admin.stdout())
        .contains("Created administrator admin@example.org")
        .containsPattern("(?m)^\\s{4}\\S{12,}$")
        .contains("/login");
    assertThat(penpals.run(QUICK, "admin", "create", "admin@example.org").exitCode()).isEqualTo(1);
  }

  private static void assertEveryComponentStopped() {
    String status = penpals.run(QUICK, "status").requireSuccess().stdout();
    assertThat(status)
        .containsPattern("(?m)^kafka\\s+stopped")
        .containsPattern("(?m)^mongo\\s+stopped")
        .containsPattern("(?m)^smtp\\s+stopped")
        .doesNotContain("running");
    for (String service : SERVICES) {
      assertThat(status).containsPattern("(?m)^" + service + "\\s+stopped");
    }
  }

  private static Map<String, String> pids() {
    Map<String, String> pids = new LinkedHashMap<>();
    List<String> components = new ArrayList<>(List.of("kafka", "mongo", "smtp"));
    components.addAll(SERVICES);
    for (String component : components) {
      pids.put(component, penpals.pidOf(component));
    }
    return pids;
  }

  private static List<String> services() {
    List<String> services =
        new ArrayList<>(List.of("registration", "matching", "prompt", "messaging", "gateway"));
    if (Files.exists(Penpals.repository().resolve("portal/pom.xml"))) {
      services.add("portal");
    }
    // as ./penpals does: services named in PENPALS_WITHOUT are left out
    String without = System.getenv().getOrDefault("PENPALS_WITHOUT", "");
    services.removeAll(List.of(without.trim().split("\\s+")));
    return services;
  }

  private static String inboxUrl() {
    return "http://localhost:" + penpals.env().get("SMTP_INBOX_PORT") + "/";
  }

  private static JsonNode getJson(String url) {
    try {
      HttpResponse<String> response =
          HTTP.send(
              HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).as("GET %s", url).isEqualTo(200);
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode send(
      String method,
      String path,
      @Nullable String token,
      @Nullable Object body,
      int expectedStatus) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(registration + path))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (body != null) {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    } else {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    }
    try {
      HttpResponse<String> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode())
          .as("%s %s answered %s", method, path, response.body())
          .isEqualTo(expectedStatus);
      return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> cycleRequest() {
    Instant now = Instant.now();
    Map<String, Object> cycle = new LinkedHashMap<>();
    cycle.put("name", "Stack test");
    cycle.put("registrationOpensAt", now.minus(Duration.ofHours(1)).toString());
    cycle.put("registrationClosesAt", now.plus(Duration.ofDays(30)).toString());
    cycle.put("partnershipStartsOn", LocalDate.now(ZoneOffset.UTC).plusDays(40).toString());
    cycle.put("lengthWeeks", 17);
    cycle.put("promptCadence", "WEEKLY");
    cycle.put("promptWeekday", "MONDAY");
    cycle.put("promptLocalHour", 9);
    cycle.put("capacity", 1000);
    cycle.put("countryCapPercent", 20);
    return cycle;
  }

  private static Map<String, Object> applicationRequest() {
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("fullName", "Maria Petrova");
    application.put("email", "maria@example.org");
    application.put("countryCode", "BG");
    application.put("city", "Plovdiv");
    application.put("organisation", "Ivan Vazov Public Library");
    application.put("sector", "PUBLIC");
    application.put("role", "Reference librarian");
    application.put("yearsInProfession", 7);
    application.put(
        "languages",
        List.of(
            Map.of("code", "bg", "correspondence", true),
            Map.of("code", "en", "correspondence", true)));
    application.put("interests", List.of("community-engagement", "digital-literacy"));
    application.put("hopes", "Learn from others");
    application.put("timeZone", "Europe/Sofia");
    application.put("preferences", Map.of("sector", "NO_PREFERENCE", "avoidCountries", List.of()));
    application.put("returning", false);
    application.put("locale", "en");
    application.put("consent", Map.of("privacyNotice", true, "shareContactWithPartner", true));
    return application;
  }
}
