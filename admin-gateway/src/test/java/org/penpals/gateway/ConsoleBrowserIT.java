package org.penpals.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.penpals.cli.stack.ApplicationBody;
import org.penpals.cli.stack.ParticipantEvents;
import org.penpals.cli.stack.PromptClient;
import org.penpals.cli.stack.RegistrationClient;
import org.penpals.cohort.CohortGenerator;
import org.penpals.cohort.SyntheticApplicant;
import org.penpals.contracts.Topics;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.gateway.audit.AuditEntry;
import org.penpals.gateway.audit.AuditLog;
import org.penpals.gateway.audit.AuditQuery;
import org.penpals.gateway.staff.AccountService;
import org.penpals.gateway.staff.StaffRole;
import org.penpals.gateway.support.BearerClient;
import org.penpals.gateway.support.Browser;
import org.penpals.gateway.support.GatewayTestInfrastructure;
import org.penpals.gateway.support.RealServices;
import org.penpals.gateway.support.TestAccounts;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The staff console in a real headless Chromium, in front of the real registration, matching and
 * prompt services (their executable jars, each in its own JVM, trusting the gateway's JWK set) on
 * the test JVM's Kafka broker and MongoDB-wire server: an administrator creates and opens a cycle,
 * sees the applicants who then apply on the dashboard's chart and in the applicants' table, closes
 * registration, runs matching and publishes it, and sees the first week's prompts drawn once the
 * real prompt service sent them; a viewer sees all of it and can change nothing.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    classes = GatewayApplication.class)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleBrowserIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final int APPLICANTS = 24;
  private static final int COUNTRIES = 6;
  private static final Duration PAGE = Duration.ofSeconds(30);
  private static RealServices services;

  @DynamicPropertySource
  static void realServices(DynamicPropertyRegistry registry) {
    services = RealServices.start();
    registry.add("server.port", services::gatewayPort);
    registry.add(
        "spring.mongodb.uri", () -> SharedInfrastructure.mongoAddress() + "/penpals-gateway-ui");
    registry.add(
        "penpals.gateway.keys.dir", () -> GatewayTestInfrastructure.keyDirectory().toString());
    registry.add("penpals.gateway.public-url", services::gatewayUrl);
    registry.add("penpals.gateway.services.registration", services.registration()::url);
    registry.add("penpals.gateway.services.matching", services.matching()::url);
    registry.add("penpals.gateway.services.prompts", services.prompt()::url);
    // not behind this test: the console shows that part as unavailable
    registry.add("penpals.gateway.services.messaging", () -> "");
  }

  @Autowired AccountService accounts;
  @Autowired AuditLog audit;

  private TestAccounts.Account admin;
  private TestAccounts.Account viewer;
  private List<SyntheticApplicant> cohort;
  private String cycleId;
  private String runId;
  private Map<String, Long> applicantsByCountry;

  @BeforeAll
  void servicesReady() {
    services.awaitReady(Duration.ofMinutes(5));
    admin = TestAccounts.ready(accounts, StaffRole.ADMIN);
    viewer = TestAccounts.ready(accounts, StaffRole.VIEWER);
    cohort = new CohortGenerator(2014).generate(APPLICANTS, COUNTRIES);
  }

  @Test
  @Order(1)
  void shouldLetAnAdminRunACycleFromOpeningToPublishedMatches() {
    try (Browser browser = new Browser(services.gatewayUrl())) {
      // given an administrator signed in to the console
      signIn(browser, admin);
      assertThat(browser.path()).isEqualTo("/console");

      // when they create a cycle and open its registration
      browser.open("/console/cycles");
      String name = "Browser cycle " + UUID.randomUUID().toString().substring(0, 8);
      browser.find("#name").sendKeys(name);
      browser.submit("#new-cycle-form button[type=submit]");
      assertThat(browser.path()).startsWith("/console/cycles/");
      cycleId = browser.path().substring("/console/cycles/".length());
      assertThat(browser.find("#cycle-status").getText()).isEqualTo("Draft");
      browser.submit("#open-cycle");
      assertThat(browser.find("#cycle-status").getText()).isEqualTo("Registration open");

      // and applicants apply and confirm their email, as they would through the portal
      apply(cohort);

      // then the dashboard counts them and draws them by country
      browser.open("/console?cycle=" + cycleId);
      assertThat(browser.find("#total-applicants").getText()).isEqualTo("" + APPLICANTS);
      applicantsByCountry = drawnChart(browser, "chart-country");
      assertThat(applicantsByCountry.values().stream().mapToLong(Long::longValue).sum())
          .isEqualTo(APPLICANTS);
      assertThat(applicantsByCountry).hasSize(COUNTRIES);
      browser.screenshot("dashboard-admin");

      // and the applicants' table lists every one of them, and filters by country in place
      browser.open("/console/cycles/" + cycleId + "/applicants");
      assertThat(browser.find("#applicant-total").getText()).isEqualTo("" + APPLICANTS);
      List<String> names = cells(browser, "#applicants tbody tr td:first-child");
      assertThat(names)
          .containsExactlyInAnyOrderElementsOf(
              cohort.stream().map(SyntheticApplicant::fullName).toList());
      String country = cohort.get(0).countryCode();
      long fromThere = cohort.stream().filter(a -> a.countryCode().equals(country)).count();
      browser.find("#country").sendKeys(country);
      browser.find("#search").click();
      browser
          .waiting(PAGE)
          .until(d -> browser.find("#applicant-total").getText().equals("" + fromThere));
      assertThat(cells(browser, "#applicants tbody tr td:nth-child(2)")).containsOnly(country);

      // when they close registration, run matching and publish it
      browser.open("/console/cycles/" + cycleId);
      browser.submit("#close-cycle");
      assertThat(browser.find("#cycle-status").getText()).isEqualTo("Registration closed");
      awaitMatchingPool();
      browser.open("/console/cycles/" + cycleId + "/matching");
      assertThat(browser.find("#pool-matchable").getText()).isEqualTo("" + APPLICANTS);
      browser.submit("#run-matching");
      assertThat(browser.path()).startsWith("/console/runs/");
      runId = browser.path().substring("/console/runs/".length());
      browser
          .waiting(Duration.ofMinutes(2))
          .ignoring(StaleElementReferenceException.class)
          .until(d -> browser.find("#run-status").getText().equals("Completed"));
      int matched = Integer.parseInt(browser.find("#matched-people").getText());
      assertThat(matched).isGreaterThanOrEqualTo(2);
      int groups = Integer.parseInt(browser.find("#group-total").getText());
      assertThat(browser.driver().findElements(By.cssSelector("#groups tbody tr"))).hasSize(groups);
      browser.screenshot("matching-run-admin");
      TopicReader deliveries = TopicReader.fromNow(Topics.PROMPT_DELIVERIES);
      browser.submit("#publish");

      // then the matches are published by the matching service
      assertThat(browser.path()).isEqualTo("/console/cycles/" + cycleId + "/partnerships");
      assertThat(browser.find(".notice").getText()).contains("Matches published");
      JsonNode run = api("GET", "/api/matching/runs/" + runId);
      assertThat(run.path("published").asBoolean()).isTrue();
      assertThat(run.path("quality").path("matchedPeople").asInt()).isEqualTo(matched);
      browser.open("/console/runs/" + runId);
      assertThat(browser.present("#published")).isTrue();
      assertThat(browser.present("#publish")).isFalse();

      // and once the prompt service has planned every partnership and the first prompt is due
      // (the demo clock moved past it in every zone), the dashboard draws it for everyone matched
      try (deliveries) {
        deliveries.await(TopicReader.type(PromptEvents.PROMPTS_PLANNED.type()), groups);
      }
      String firstDate =
          await()
              .atMost(Duration.ofMinutes(1))
              .until(
                  () -> {
                    BearerClient.Answer schedule =
                        new BearerClient(services.gatewayPort())
                            .send(
                                "GET",
                                "/api/prompts/cycles/" + cycleId + "/schedule",
                                TestTokens.staff(Role.ADMIN));
                    return schedule.status() == 200
                        ? JSON.readTree(schedule.body())
                            .path("weeks")
                            .path(0)
                            .path("date")
                            .asString()
                        : null;
                  },
                  date -> date != null);
      LocalDate first = LocalDate.parse(firstDate);
      new PromptClient(services.gatewayUrl(), TestTokens.staff(Role.ADMIN))
          .moveTo(first.plusDays(1).atTime(22, 0).toInstant(ZoneOffset.UTC));
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  api("GET", "/api/prompts/cycles/" + cycleId + "/engagement")
                          .path("weeks")
                          .path(0)
                          .path("promptsSent")
                          .asInt()
                      == matched);
      browser.open("/console?cycle=" + cycleId);
      assertThat(drawnChart(browser, "chart-prompts"))
          .containsExactly(Map.entry("Week 1", (long) matched));
      assertThat(drawnChart(browser, "chart-answers")).containsExactly(Map.entry("Week 1", 0L));
      browser.script("document.getElementById('chart-prompts-figure').scrollIntoView()");
      browser.screenshot("dashboard-engagement-admin");
    }

    // and every change they made is in the audit log, with its outcome
    List<AuditEntry> entries = auditOf(admin);
    assertThat(entries).allSatisfy(e -> assertThat(e.outcome()).isEqualTo("success"));
    assertThat(entries.stream().map(AuditEntry::action))
        .contains(
            "console.cycle.create",
            "console.cycle.open",
            "console.cycle.close",
            "console.matching.run",
            "console.matching.publish");
    assertThat(entries)
        .filteredOn(e -> e.action().equals("console.matching.publish"))
        .singleElement()
        .satisfies(e -> assertThat(e.target()).isEqualTo("runId=" + runId));
  }

  @Test
  @Order(2)
  void shouldShowAViewerEverythingAndLetThemChangeNothing() {
    assertThat(runId).as("the administrator's scenario ran first and published a run").isNotNull();
    int cyclesBefore = api("GET", "/api/registration/cycles").size();
    try (Browser browser = new Browser(services.gatewayUrl())) {
      // given a viewer signed in to the console
      signIn(browser, viewer);

      // when they look at the dashboard, the cycle, its applicants and its matching
      browser.open("/console?cycle=" + cycleId);
      assertThat(browser.find("#total-applicants").getText()).isEqualTo("" + APPLICANTS);
      assertThat(drawnChart(browser, "chart-country")).isEqualTo(applicantsByCountry);
      assertThat(browser.present("#chart-quality")).isTrue();
      browser.screenshot("dashboard-viewer");
      browser.open("/console/cycles/" + cycleId + "/applicants");
      assertThat(browser.find("#applicant-total").getText()).isEqualTo("" + APPLICANTS);
      browser.open("/console/cycles/" + cycleId);
      assertThat(browser.find("#cycle-status").getText()).isNotBlank();
      browser.open("/console/cycles/" + cycleId + "/matching");
      assertThat(browser.find("#runs tbody").getText()).contains("yes");
      browser.open("/console/runs/" + runId);
      assertThat(browser.find("#run-status").getText()).isEqualTo("Completed");

      // then no page offers them a change
      for (String path :
          List.of(
              "/console/cycles",
              "/console/cycles/" + cycleId,
              "/console/cycles/" + cycleId + "/matching",
              "/console/runs/" + runId)) {
        browser.open(path);
        assertThat(browser.driver().findElements(By.cssSelector("main form[method=post] button")))
            .as("buttons that change something on %s", path)
            .isEmpty();
      }

      // and a change sent anyway, with the page's CSRF token, is refused at the gateway
      browser.open("/console/cycles");
      assertThat(postFromPage(browser, "/console/cycles", "name=Sneaky", false)).isEqualTo(403);
      assertThat(postFromPage(browser, "/api/registration/cycles", "{\"name\":\"Sneaky\"}", true))
          .isEqualTo(403);
      assertThat(postFromPage(browser, "/api/matching/runs/" + runId + "/publish", "{}", true))
          .isEqualTo(403);
    }
    assertThat(api("GET", "/api/registration/cycles").size()).isEqualTo(cyclesBefore);

    // and the refusals are in the audit log
    List<AuditEntry> entries = auditOf(viewer);
    assertThat(entries).hasSize(3);
    assertThat(entries).allSatisfy(e -> assertThat(e.outcome()).isEqualTo("denied"));
    assertThat(entries.stream().map(AuditEntry::path))
        .containsExactlyInAnyOrder(
            "/console/cycles",
            "/api/registration/cycles",
            "/api/matching/runs/" + runId + "/publish");
  }

  @Test
  @Order(3)
  void shouldRelayTheServicesAnswerAndMeasureWhatTheGatewayAdds() throws Exception {
    // given the same staff token, the service directly and through the gateway
    String token = TestTokens.staff(Role.VIEWER);
    String path = "/api/registration/cycles/" + cycleId;
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.util.function.Function<String, java.net.http.HttpRequest> get =
        base ->
            java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .build();
    java.net.http.HttpRequest direct = get.apply(services.registration().url());
    java.net.http.HttpRequest relayed = get.apply(services.gatewayUrl());

    // when both are called alternately, after a warm-up
    long[] directNanos = new long[200];
    long[] relayedNanos = new long[200];
    for (int i = -50; i < 200; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> a = http.send(direct, HttpResponse.BodyHandlers.ofString());
      long t1 = System.nanoTime();
      HttpResponse<String> b = http.send(relayed, HttpResponse.BodyHandlers.ofString());
      long t2 = System.nanoTime();
      // then the gateway answers exactly what the service answers
      assertThat(b.statusCode()).isEqualTo(a.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(b.body())).isEqualTo(JSON.readTree(a.body()));
      if (i >= 0) {
        directNanos[i] = t1 - t0;
        relayedNanos[i] = t2 - t1;
      }
    }

    // and the cost of the extra hop is recorded (it depends on the machine: no bound asserted)
    java.util.Arrays.sort(directNanos);
    java.util.Arrays.sort(relayedNanos);
    String figures =
        "GET %s, 200 calls each after 50 warm-up: direct median %.2f ms (p95 %.2f),"
                .formatted(path, directNanos[100] / 1e6, directNanos[190] / 1e6)
            + " through the gateway median %.2f ms (p95 %.2f): overhead %.2f ms per request%n"
                .formatted(
                    relayedNanos[100] / 1e6,
                    relayedNanos[190] / 1e6,
                    (relayedNanos[100] - directNanos[100]) / 1e6);
    org.slf4j.LoggerFactory.getLogger(ConsoleBrowserIT.class).info(figures);
    java.nio.file.Path report =
        java.nio.file.Path.of(
                System.getProperty("penpals.browser.work", "target/browser-it"),
                "gateway-overhead.txt")
            .toAbsolutePath();
    java.nio.file.Files.createDirectories(report.getParent());
    java.nio.file.Files.writeString(report, figures);
  }

  // ------------------------------------------------------------------ steps

  private static void signIn(Browser browser, TestAccounts.Account account) {
    browser.open("/login");
    browser.find("#email").sendKeys(account.email());
    browser.find("#password").sendKeys(account.password());
    browser.submit("#signin");
  }

  /** Applies with the cohort through the service's public form and confirms every email. */
  private void apply(List<SyntheticApplicant> applicants) {
    try (RegistrationClient registration = new RegistrationClient(services.registration().url());
        ParticipantEvents events =
            ParticipantEvents.atEnd(
                SharedInfrastructure.kafkaBootstrapServers(), Duration.ofSeconds(30))) {
      events.follow(cycleId);
      for (SyntheticApplicant applicant : applicants) {
        HttpResponse<String> answer =
            send(registration, registration.application(cycleId, ApplicationBody.json(applicant)));
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
      }
      List<ParticipantEvents.VerificationToken> tokens = new ArrayList<>();
      await("verification requests")
          .atMost(Duration.ofMinutes(1))
          .until(
              () -> {
                tokens.addAll(events.takeTokens());
                return tokens.size() >= applicants.size();
              });
      for (ParticipantEvents.VerificationToken token : tokens) {
        HttpResponse<String> answer = send(registration, registration.verification(token.token()));
        assertThat(answer.statusCode()).as(answer.body()).isBetween(200, 299);
      }
      await("email verifications")
          .atMost(Duration.ofMinutes(1))
          .until(() -> events.verified() >= applicants.size());
    }
  }

  private void awaitMatchingPool() {
    await("matching's pool of the closed cycle")
        .atMost(Duration.ofMinutes(1))
        .pollInterval(Duration.ofMillis(300))
        .until(
            () -> {
              BearerClient.Answer pool =
                  new BearerClient(services.gatewayPort())
                      .send(
                          "GET",
                          "/api/matching/cycles/" + cycleId + "/pool",
                          TestTokens.staff(Role.ADMIN));
              if (pool.status() != 200) {
                return false;
              }
              JsonNode summary = JSON.readTree(pool.body());
              return summary.path("matchable").asInt() == APPLICANTS
                  && summary.path("cycleStatus").asString().equals("REGISTRATION_CLOSED");
            });
  }

  /** The labels and values a chart was drawn with, read back from Chart.js in the page. */
  @SuppressWarnings("unchecked")
  private static Map<String, Long> drawnChart(Browser browser, String id) {
    browser
        .waiting(PAGE)
        .until(d -> "true".equals(browser.find("#" + id).getDomAttribute("data-drawn")));
    List<Object> pairs =
        (List<Object>)
            browser.script(
                "const chart = Chart.getChart(arguments[0]);"
                    + " return chart.data.labels.map((l, i) =>"
                    + " [String(l), Number(chart.data.datasets[0].data[i])]);",
                id);
    Map<String, Long> drawn = new java.util.LinkedHashMap<>();
    for (Object pair : pairs) {
      List<Object> p = (List<Object>) pair;
      drawn.put(p.get(0).toString(), ((Number) p.get(1)).longValue());
    }
    return drawn;
  }

  private static List<String> cells(Browser browser, String css) {
    return browser.driver().findElements(By.cssSelector(css)).stream()
        .map(WebElement::getText)
        .map(String::strip)
        .collect(Collectors.toList());
  }

  /** Sends a POST from inside the page (same origin, session cookie, the page's CSRF token). */
  private static int postFromPage(Browser browser, String path, String body, boolean json) {
    Object status =
        browser
            .driver()
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " const header = document.querySelector('meta[name=csrf-header]').content;"
                    + " const token = document.querySelector('meta[name=csrf-token]').content;"
                    + " fetch(arguments[0], {method: 'POST', redirect: 'manual', headers: {"
                    + " [header]: token, 'Content-Type': arguments[2] ? 'application/json'"
                    + " : 'application/x-www-form-urlencoded', 'Accept': 'application/json'},"
                    + " body: arguments[1]}).then(r => done(r.status), e => done(-1));",
                path,
                body,
                json);
    return ((Number) status).intValue();
  }

  private List<AuditEntry> auditOf(TestAccounts.Account who) {
    return audit
        .search(new AuditQuery(who.email(), null, null, null, null, 0, AuditQuery.MAX_SIZE))
        .items()
        .stream()
        .filter(e -> !e.action().startsWith("sign-in"))
        .toList();
  }

  private static JsonNode api(String method, String path) {
    BearerClient.Answer answer =
        new BearerClient(services.gatewayPort()).send(method, path, TestTokens.staff(Role.ADMIN));
    assertThat(answer.status()).as(answer.body()).isEqualTo(200);
    return JSON.readTree(answer.body());
  }

  private static HttpResponse<String> send(
      RegistrationClient registration, org.penpals.cli.stack.LoadRequest request) {
    try {
      return registration
          .http()
          .send(
              request.toHttpRequest(Duration.ofSeconds(30)),
              HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
