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
 * The staff console in a real headless Chromium, in front of the real registration, matching,
 * prompt and messaging services (their executable jars, each in its own JVM, trusting the gateway's
 * JWK set) on the test JVM's Kafka broker and MongoDB-wire server, messaging delivering to a
 * GreenMail server: an administrator creates and opens a cycle, sees the applicants who then apply
 * on the dashboard's chart and in the applicants' table, closes registration, runs matching and
 * publishes it, and sees the first week's prompts drawn once the real prompt service sent them; a
 * viewer sees all of it and can change nothing. Then the life of a cycle (ADR 0012): a waitlisted
 * applicant admitted from the waitlist page, an announcement previewed and sent once however often
 * its form is posted, a quiet partner reminded and a new partner approved, and the cycle completed
 * and archived.
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
    registry.add("penpals.gateway.services.messaging", services.messaging()::url);
  }

  @Autowired AccountService accounts;
  @Autowired AuditLog audit;

  private TestAccounts.Account admin;
  private TestAccounts.Account viewer;
  private List<SyntheticApplicant> cohort;
  private String cycleId;
  private String runId;
  private String smallCycleId;
  private List<SyntheticApplicant> smallCohort;
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
      apply(cycleId, cohort);

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
              "/console/cycles/" + cycleId + "/waitlist",
              "/console/cycles/" + cycleId + "/partnerships",
              "/console/cycles/" + cycleId + "/quiet",
              "/console/cycles/" + cycleId + "/announcements",
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

  @Test
  @Order(4)
  void shouldAdmitAWaitlistedApplicantFromTheWaitlistPage() {
    try (Browser browser = new Browser(services.gatewayUrl())) {
      // given a cycle of two places whose registration is open, and five applicants
      signIn(browser, admin);
      browser.open("/console/cycles");
      browser.find("#name").sendKeys("Small cycle " + UUID.randomUUID().toString().substring(0, 8));
      browser.find("#capacity").clear();
      browser.find("#capacity").sendKeys("2");
      browser.submit("#new-cycle-form button[type=submit]");
      smallCycleId = browser.path().substring("/console/cycles/".length());
      browser.submit("#open-cycle");
      smallCohort = new CohortGenerator(2027).generate(5, 3);
      apply(smallCycleId, smallCohort);

      // when the administrator opens the cycle, then it says two places are taken, three wait
      browser.open("/console/cycles/" + smallCycleId);
      assertThat(browser.find("#cycle-status").getText()).isEqualTo("Registration open");
      assertThat(browser.find("#places-taken").getText()).isEqualTo("2");
      assertThat(browser.find("#waitlisted").getText()).isEqualTo("3");
      browser.screenshot("cycle-registration-open");

      // and the waitlist page lists the three in the order they applied
      browser.find("#waitlist-link").click();
      browser.await("#waitlist", PAGE);
      List<String> queue = waitlist(browser);
      assertThat(queue)
          .containsExactly(
              smallCohort.get(2).fullName(),
              smallCohort.get(3).fullName(),
              smallCohort.get(4).fullName());
      assertThat(browser.find("#fair-order").getText())
          .startsWith("Fair order: earliest application first");
      browser.screenshot("waitlist-admin");

      // when they tick the first in line and admit
      String first = browser.find("#waitlist tbody tr").getDomAttribute("data-participant");
      browser.find("#admit-" + first).click();
      browser.submit("#admit-selected");

      // then the console says who was admitted, and the queue shrank to the two others
      assertThat(browser.find(".notice").getText())
          .isEqualTo(
              "1 applicant admitted: "
                  + smallCohort.get(2).fullName()
                  + ". They will be told by mail and in the portal.");
      assertThat(waitlist(browser)).containsExactly(queue.get(1), queue.get(2));
      assertThat(browser.find("#waitlist-total").getText()).isEqualTo("2");
      browser.screenshot("waitlist-after-admission");
      JsonNode admitted = api("GET", "/api/registration/applications/" + first);
      assertThat(admitted.path("admission").asString()).isEqualTo("ADMITTED");
      assertThat(admitted.path("admissionRoute").asString()).isEqualTo("STAFF");
    }

    // and the admission is in the audit log with its cycle
    assertThat(auditOf(admin))
        .filteredOn(e -> e.action().equals("console.waitlist.admit"))
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.outcome()).isEqualTo("success");
              assertThat(e.target()).isEqualTo("cycleId=" + smallCycleId + " participantIds=1");
            });
  }

  @Test
  @Order(5)
  void shouldPreviewAnAnnouncementAndSendItOnceHoweverOftenTheFormIsPosted() {
    assertThat(smallCycleId).as("the waitlist scenario ran first").isNotNull();
    // given messaging knows the five applicants of the small cycle
    await("messaging's audience of the small cycle")
        .atMost(Duration.ofMinutes(1))
        .until(
            () ->
                JSON.readTree(
                            new BearerClient(services.gatewayPort())
                                .send(
                                    "POST",
                                    "/api/messaging/cycles/"
                                        + smallCycleId
                                        + "/announcements/preview",
                                    TestTokens.staff(Role.COORDINATOR),
                                    "{\"subject\":\"s\",\"body\":\"b\",\"segment\":{\"kind\":\"ALL\"}}",
                                    Map.of())
                                .body())
                        .path("recipients")
                        .asInt()
                    == 5);
    try (Browser browser = new Browser(services.gatewayUrl())) {
      signIn(browser, admin);

      // when the administrator writes an announcement from the cycle page and previews it
      browser.open("/console/cycles/" + smallCycleId);
      browser.find("#tab-announcements").click();
      browser.await("#announcement-form", PAGE);
      assertThat(browser.present("#no-announcements")).isTrue();
      browser.find("#subject").sendKeys("Welcome to the programme");
      browser
          .find("#body")
          .sendKeys("Dear colleagues,\n\nwe are **glad** you joined. Places are still moving.");
      browser.find("#spanish summary").click();
      browser.find("#subjectEs").sendKeys("Bienvenidos al programa");
      browser.find("#bodyEs").sendKeys("Estimados colegas:\n\nnos **alegra** que se hayan unido.");
      browser.script("document.getElementById('announcement-form').scrollIntoView()");
      browser.screenshot("announcement-form");
      browser.submit("#preview-announcement");

      // then the rendered mail and its five recipients show, and nothing is sent
      assertThat(browser.find("#preview-recipients").getText()).isEqualTo("5 people");
      assertThat(browser.find("#preview-en .mail-subject").getText())
          .contains("Welcome to the programme");
      assertThat(browser.find("#preview-es .mail-subject").getText())
          .contains("Bienvenidos al programa");
      browser.driver().switchTo().frame(browser.find("#preview-en iframe"));
      assertThat(browser.find("strong").getText()).isEqualTo("glad");
      browser.driver().switchTo().defaultContent();
      assertThat(api("GET", "/api/messaging/cycles/" + smallCycleId + "/announcements").size())
          .isZero();
      browser.screenshot("announcement-preview");

      // when they send it, and the very same form is posted once more (a browser re-post)
      String form =
          (String)
              browser.script(
                  "return new URLSearchParams(new FormData(document.getElementById('announcement-form'))).toString();");
      browser.submit("#send-announcement");
      assertThat(browser.find(".notice").getText())
          .isEqualTo("Announcement “Welcome to the programme” is being sent to 5 people now.");
      int repost =
          postFromPage(browser, "/console/cycles/" + smallCycleId + "/announcements", form, false);
      assertThat(repost).isIn(0, 302);
      browser.open("/console/cycles/" + smallCycleId + "/announcements");

      // then the console says nothing was sent again, and there is one announcement
      assertThat(browser.find(".notice").getText()).endsWith("nothing was sent again.");
      assertThat(browser.driver().findElements(By.cssSelector("#announcements tbody tr")))
          .hasSize(1);

      // and each of the five gets exactly one mail
      List<String> emails = smallCohort.stream().map(SyntheticApplicant::email).toList();
      await("five announcement mails")
          .atMost(Duration.ofMinutes(1))
          .until(() -> mailsOfKind("ANNOUNCEMENT").size() >= 5);
      assertThat(mailsOfKind("ANNOUNCEMENT")).containsExactlyInAnyOrderElementsOf(emails);
      await("the announcement sent")
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  api("GET", "/api/messaging/cycles/" + smallCycleId + "/announcements")
                      .path(0)
                      .path("status")
                      .asString()
                      .equals("SENT"));
      browser.open("/console/cycles/" + smallCycleId + "/announcements");
      assertThat(browser.find("#announcements tbody td.status").getText()).isEqualTo("Sent");
      assertThat(browser.find("#announcements tbody tr").getText())
          .contains("Welcome to the programme", "also in es", "by Test " + StaffRole.ADMIN.label());
      browser.screenshot("announcements-sent");
    }
    assertThat(auditOf(admin))
        .filteredOn(e -> e.action().equals("console.announcement.send"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.outcome()).isEqualTo("success"));
  }

  @Test
  @Order(6)
  void shouldShowAQuietPartnerRemindedAndLetACoordinatorApproveANewPartner() {
    assertThat(runId).as("the administrator's scenario published a run").isNotNull();
    try (Browser browser = new Browser(services.gatewayUrl())) {
      // given the cycle waits for staff before giving a new partner after a silence
      signIn(browser, admin);
      browser.open("/console/cycles/" + cycleId);
      new org.openqa.selenium.support.ui.Select(browser.find("#quietRematch"))
          .selectByValue("STAFF_APPROVAL");
      browser.submit("#save-matching-settings");
      assertThat(browser.find(".notice").getText()).isEqualTo("Matching settings saved.");
      assertThat(
              api("GET", "/api/matching/cycles/" + cycleId + "/settings")
                  .path("quietRematch")
                  .asString())
          .isEqualTo("STAFF_APPROVAL");

      // when a participant reports their partner quiet in the portal
      JsonNode pair = null;
      for (JsonNode p : api("GET", "/api/matching/cycles/" + cycleId + "/partnerships")) {
        if (p.path("status").asString().equals("ACTIVE") && p.path("members").size() == 2) {
          pair = p;
          break;
        }
      }
      assertThat(pair).as("an active pair").isNotNull();
      String reporter = pair.path("members").get(0).asString();
      String quiet = pair.path("members").get(1).asString();
      String reporterName =
          api("GET", "/api/registration/applications/" + reporter)
              .path("profile")
              .path("fullName")
              .asString();
      String quietName =
          api("GET", "/api/registration/applications/" + quiet)
              .path("profile")
              .path("fullName")
              .asString();
      HttpResponse<String> reported =
          direct(
              services.prompt(),
              "POST",
              "/api/prompts/participants/me/report-quiet",
              reporter,
              "{\"note\":\"No answer since the first week\"}");
      assertThat(reported.statusCode()).as(reported.body()).isEqualTo(202);
      String answerBy = JSON.readTree(reported.body()).path("answerBy").asString();

      // then the quiet partner is mailed a reminder, and the quiet page says so with dates
      await("the reminder sent")
          .atMost(Duration.ofMinutes(1))
          .until(
              () ->
                  api("GET", "/api/prompts/cycles/" + cycleId + "/quiet")
                      .findValues("status")
                      .stream()
                      .anyMatch(v -> v.asString().equals("SENT")));
      assertThat(mailsOfKind("REMINDER"))
          .contains(
              api("GET", "/api/registration/applications/" + quiet)
                  .path("profile")
                  .path("email")
                  .asString());
      browser.open("/console/cycles/" + cycleId);
      browser.find("#tab-quiet").click();
      browser.await("#reports", PAGE);
      WebElement report = browser.find("#reports tr[data-report]");
      assertThat(report.getText()).contains(reporterName, "No answer since the first week");
      assertThat(report.findElement(By.cssSelector(".reminder")).getText())
          .startsWith("sent ")
          .endsWith("to " + quietName);
      assertThat(report.findElement(By.cssSelector(".outcome")).getText())
          .startsWith("open until ");
      browser.script("document.getElementById('reports-title').scrollIntoView()");
      browser.screenshot("quiet-reminded");

      // when nobody answers by the end of the grace period and the reporter asks for a new partner
      new PromptClient(services.gatewayUrl(), TestTokens.staff(Role.ADMIN))
          .moveTo(java.time.Instant.parse(answerBy).plus(Duration.ofHours(1)));
      HttpResponse<String> asked =
          await("the report flagged, and the request accepted")
              .atMost(Duration.ofMinutes(1))
              .pollInterval(Duration.ofMillis(500))
              .until(
                  () ->
                      direct(
                          services.matching(),
                          "POST",
                          "/api/matching/participants/me/new-partner",
                          reporter,
                          null),
                  r -> r.statusCode() == 201);
      assertThat(JSON.readTree(asked.body()).path("status").asString())
          .isEqualTo("AWAITING_APPROVAL");

      // then the coordinator sees the report flagged and the request waiting for them
      browser.open("/console/cycles/" + cycleId + "/quiet");
      assertThat(browser.find("#reports tr[data-report] .outcome").getText())
          .startsWith("flagged ");
      assertThat(browser.find("#awaiting-requests").getText()).isEqualTo("1");
      WebElement request = browser.find("#requests tbody tr");
      assertThat(request.getText()).contains(reporterName, quietName, "Awaiting approval");
      browser.screenshot("quiet-request-awaiting");

      // when they approve it with a note
      String requestId = request.getDomAttribute("data-request");
      browser.find("#note-" + requestId).sendKeys("Spoke to both by phone");
      browser.submit("#approve-" + requestId);

      // then matching carried it out: the partnership is dissolved as quiet
      assertThat(browser.find(".notice").getText()).startsWith("Request approved: " + reporterName);
      assertThat(browser.find("#requests tbody tr .status").getText()).isEqualTo("Accepted");
      assertThat(browser.find("#requests tbody tr").getText())
          .contains("Spoke to both by phone", "Test " + StaffRole.ADMIN.label());
      browser.screenshot("quiet-request-approved");
      String pairId = pair.path("id").asString();
      await("the quiet partnership dissolved")
          .atMost(Duration.ofMinutes(1))
          .until(
              () -> {
                for (JsonNode p : api("GET", "/api/matching/cycles/" + cycleId + "/partnerships")) {
                  if (p.path("id").asString().equals(pairId)) {
                    return p.path("dissolvedReason").asString("").equals("QUIET");
                  }
                }
                return false;
              });
      browser.open("/console/cycles/" + cycleId + "/partnerships");
      assertThat(browser.find("#partnerships").getText())
          .contains("a member went quiet and the other was given a new partner");
      browser.screenshot("partnerships-admin");
    }
    assertThat(auditOf(admin))
        .filteredOn(e -> e.action().equals("console.new-partner-request.approve"))
        .singleElement()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("success"));
  }

  @Test
  @Order(7)
  void shouldCompleteTheCycleAfterItsLastWeekAndArchiveItAfterConfirming() {
    assertThat(runId).as("the administrator's scenario published a run").isNotNull();
    // given the programme clock passes the cycle's last week
    JsonNode cycle = api("GET", "/api/registration/cycles/" + cycleId);
    java.time.LocalDate lastDay =
        java.time.LocalDate.parse(cycle.path("lastWeekEndsOn").asString());
    new PromptClient(services.gatewayUrl(), TestTokens.staff(Role.ADMIN))
        .moveTo(lastDay.plusDays(1).atTime(13, 0).toInstant(ZoneOffset.UTC));
    await("the cycle completed")
        .atMost(Duration.ofMinutes(2))
        .until(
            () ->
                api("GET", "/api/registration/cycles/" + cycleId)
                    .path("status")
                    .asString()
                    .equals("COMPLETED"));

    try (Browser browser = new Browser(services.gatewayUrl())) {
      // when the administrator opens it, then it is completed, with its dates, and can be archived
      signIn(browser, admin);
      browser.open("/console/cycles/" + cycleId);
      assertThat(browser.find("#cycle-status").getText()).isEqualTo("Completed");
      assertThat(browser.find("#running-since").getText()).endsWith("(programme time)");
      assertThat(browser.find("#completed-at").getText()).endsWith("(programme time)");
      assertThat(browser.find("#archived-at").getText()).isEqualTo("not yet");
      browser.screenshot("cycle-completed");
      await("the partnerships completed")
          .atMost(Duration.ofMinutes(1))
          .until(
              () -> {
                for (JsonNode p : api("GET", "/api/matching/cycles/" + cycleId + "/partnerships")) {
                  if (p.path("status").asString().equals("ACTIVE")) {
                    return false;
                  }
                }
                return true;
              });
      browser.open("/console/cycles/" + cycleId + "/partnerships");
      assertThat(browser.find("#active-partnerships").getText()).isEqualTo("0");
      assertThat(browser.find("#partnerships").getText()).contains("Completed ");
      browser.screenshot("partnerships-completed");

      // when they archive it: a confirm step first, then the cycle is archived
      browser.open("/console/cycles/" + cycleId);
      browser.find("#archive-cycle").click();
      browser.await("#confirm-archive", PAGE);
      assertThat(browser.find("main").getText()).contains("This cannot be undone");
      browser.screenshot("cycle-archive-confirm");
      browser.submit("#confirm-archive");
      assertThat(browser.find(".notice").getText()).startsWith("Cycle archived");
      assertThat(browser.find("#cycle-status").getText()).isEqualTo("Archived");
      assertThat(browser.find("#archived-at").getText()).isNotEqualTo("not yet");
      assertThat(browser.present("#archive-cycle")).isFalse();
      browser.screenshot("cycle-archived");

      // and the cycles list shows each cycle's stage
      browser.open("/console/cycles");
      assertThat(browser.find("#cycles tr[data-cycle='" + cycleId + "'] .stage").getText())
          .startsWith("Archived");
      assertThat(browser.find("#cycles tr[data-cycle='" + smallCycleId + "'] .stage").getText())
          .startsWith("Registration open");
      browser.screenshot("cycles-admin");
    }
    assertThat(api("GET", "/api/registration/cycles/" + cycleId).path("status").asString())
        .isEqualTo("ARCHIVED");
  }

  // ------------------------------------------------------------------ steps

  private static List<String> waitlist(Browser browser) {
    return cells(browser, "#waitlist tbody tr td:nth-child(3)");
  }

  /** The recipients of the mails of one kind the mail server received so far. */
  private static List<String> mailsOfKind(String kind) {
    try {
      return recipients(kind);
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> recipients(String kind) throws jakarta.mail.MessagingException {
    List<String> to = new ArrayList<>();
    for (jakarta.mail.internet.MimeMessage m : services.mail().getReceivedMessages()) {
      String[] header = m.getHeader("X-Penpals-Mail-Kind");
      if (header != null && header.length > 0 && header[0].equals(kind)) {
        for (jakarta.mail.Address a : m.getRecipients(jakarta.mail.Message.RecipientType.TO)) {
          to.add(((jakarta.mail.internet.InternetAddress) a).getAddress());
        }
      }
    }
    return to;
  }

  /** A participant's own call, straight to a service (the gateway refuses it). */
  private static HttpResponse<String> direct(
      org.penpals.gateway.support.ServiceProcess service,
      String method,
      String path,
      String participantId,
      String json) {
    java.net.http.HttpRequest.Builder request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(service.url() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + TestTokens.participant(participantId))
            .header("Accept", "application/json")
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(json));
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void signIn(Browser browser, TestAccounts.Account account) {
    browser.open("/login");
    browser.find("#email").sendKeys(account.email());
    browser.find("#password").sendKeys(account.password());
    browser.submit("#signin");
  }

  /** Applies with the cohort through the service's public form and confirms every email. */
  private void apply(String cycleId, List<SyntheticApplicant> applicants) {
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
