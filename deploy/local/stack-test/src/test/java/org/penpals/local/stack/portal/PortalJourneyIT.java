package org.penpals.local.stack.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.NoAlertPresentException;
import tools.jackson.databind.JsonNode;

/**
 * The participant portal in real headless Chromium against the real local stack ({@code ./penpals
 * up} on a throwaway home): apply through the form, confirm with the link the local SMTP server
 * received, sign in by emailed link, meet the partner once staff matched and published, read this
 * week's prompt after the demo clock moved on, write to the partner (who is told by mail), and
 * nothing of anyone else's by changing ids. axe-core checks every page; every page is photographed
 * and weighed. At the end, 50 signed-in participants load their home pages at once.
 */
class PortalJourneyIT {
  private static final Duration UP = Duration.ofMinutes(15);
  private static final Duration MAIL = Duration.ofMinutes(2);
  private static final int LOAD_PARTICIPANTS = 50;
  private static final String ALICE = "alice.portal@example.org";
  private static final String BORIS = "boris.portal@example.org";
  private static final String CARLA = "carla.portal@example.org";
  private static final String DAN = "dan.portal@example.org";
  private static final String HOSTILE = "Hello! <script>alert('x')</script> <b>bold</b>";
  private static final String QUINN = "quinn.quiet@example.org";
  private static final String RUI = "rui.quiet@example.org";
  private static final String ERIN = "erin.quiet@example.org";

  private static Stack stack;
  private static Inbox inbox;
  private static String portal;
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("penpals.screenshots", "target/screenshots"));
  private static final List<Chromium.Weight> weights = new ArrayList<>();
  private static final List<Chromium.Violation> violations = new ArrayList<>();
  private static final List<Path> shots = new ArrayList<>();

  @BeforeAll
  static void up() throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    // the admin console is not needed here: one JVM less on a small machine
    env.put("PENPALS_WITHOUT", "gateway");
    // no class-data-sharing training runs: a throwaway home starts each service once
    env.put("PENPALS_CDS", "0");
    // 50 people sign in from this one machine for the load figures
    env.put("SIGN_IN_LINKS_PER_CLIENT", "100000");
    env.put("SIGN_IN_RATE_LIMIT", "100000");
    stack = new Stack(env);
    stack.penpals(UP, "up", "-d");
    inbox = new Inbox(stack.inbox());
    portal = stack.url("portal");
  }

  @AfterAll
  static void down() throws Exception {
    if (stack != null) {
      stack.close();
    }
  }

  @Test
  void shouldTakeAParticipantFromApplyingToTalkingWithTheirPartner() throws Exception {
    String coordinator = stack.token("COORDINATOR");
    String registration = stack.url("registration");

    // given an open cycle
    JsonNode cycle =
        Stack.expect(
            Stack.call("POST", registration + "/api/registration/cycles", coordinator, cycle()),
            201,
            "create the cycle");
    String cycleId = cycle.get("id").asString();
    Stack.expect(
        Stack.call(
            "POST",
            registration + "/api/registration/cycles/" + cycleId + "/open",
            coordinator,
            null),
        200,
        "open the cycle");

    try (Chromium alice = new Chromium(portal, SCREENSHOTS)) {
      // when Alice reads about the programme and applies through the form
      alice.open("/");
      visit(alice, "01-home-public");
      assertThat(alice.text("main"))
          .contains("Portal journey")
          .doesNotContain("You have signed out.")
          .doesNotContain("Your personal data has been erased.");
      alice.open("/?lang=es");
      visit(alice, "02-home-public-es");
      alice.open("/?lang=en");
      alice.open("/apply");
      alice.submit("form button.primary"); // nothing filled in: the errors show
      visit(alice, "03-apply-errors");
      assertThat(alice.all("#errors li")).hasSizeGreaterThan(3);
      alice.type("#fullName", "Alice Martin");
      alice.type("#email", ALICE);
      alice.select("#countryCode", "GB");
      alice.type("#city", "Leeds");
      alice.type("#organisation", "Leeds Central Library");
      alice.select("#sector", "PUBLIC");
      alice.type("#role", "Reference librarian");
      alice.type("#yearsInProfession", "6");
      visit(alice, "04-apply-step1");
      alice.submit("form button.primary");
      alice.select("#lang0", "en");
      alice.find("#corr0").click();
      alice.select("#lang1", "fr");
      alice.find("#interest-open-access").click();
      alice.find("#interest-digital-literacy").click();
      alice.type("#hopes", "Ideas for our digital literacy classes");
      visit(alice, "05-apply-step2");
      alice.submit("form button.primary");
      // the browser's time zone was detected (Chromium runs with TZ=Europe/London)
      assertThat(alice.find("#timeZone").getAttribute("value")).isEqualTo("Europe/London");
      alice.select("#avoidCountries", "FR");
      alice.select("#avoidCountries", "ES");
      alice.find("#returning-no").click();
      visit(alice, "06-apply-step3");
      alice.submit("form button.primary");
      alice.find("#privacyNotice").click();
      alice.find("#shareContactWithPartner").click();
      visit(alice, "07-apply-step4");
      var beforeApply = inbox.seen(ALICE);
      alice.submit("form button.primary");

      // then she sees a clear confirmation
      assertThat(alice.path()).isEqualTo("/apply/done");
      assertThat(alice.text("h1")).isEqualTo("Thank you! Now check your email");
      visit(alice, "08-apply-done");

      // and confirms her email with the link from the mail
      Inbox.Mail verification = inbox.await(ALICE, "VERIFICATION", beforeApply, MAIL);
      alice.open(verification.link(portal, "/verify"));
      visit(alice, "09-verify");
      alice.submit("main form button");
      assertThat(alice.text("h1")).isEqualTo("Your email address is confirmed");
      visit(alice, "10-verified");

      // given partners for everybody: three more applicants, and a cohort for the load figures
      List<String> everyone = new ArrayList<>(List.of(ALICE));
      applyAndVerify(registration, cycleId, BORIS, "Boris Ivanov", "BG", "bg", "Europe/Sofia");
      applyAndVerify(registration, cycleId, CARLA, "Carla Dupont", "FR", "fr", "Europe/Paris");
      applyAndVerify(registration, cycleId, DAN, "Dan Ortega", "ES", "es", "Europe/Madrid");
      everyone.addAll(List.of(BORIS, CARLA, DAN));
      String[][] places = {
        {"DE", "de", "Europe/Berlin"},
        {"IT", "it", "Europe/Rome"},
        {"PL", "pl", "Europe/Warsaw"},
        {"KE", "sw", "Africa/Nairobi"},
        {"IN", "hi", "Asia/Kolkata"},
        {"BR", "pt", "America/Sao_Paulo"},
        {"CA", "fr", "America/Toronto"},
        {"AU", "en", "Australia/Sydney"}
      };
      for (int i = 0; everyone.size() < LOAD_PARTICIPANTS; i++) {
        String[] place = places[i % places.length];
        String email = "load" + i + ".portal@example.org";
        applyAndVerify(
            registration, cycleId, email, "Load Person " + i, place[0], place[1], place[2]);
        everyone.add(email);
      }

      // when staff close the cycle, match and publish
      matchAndPublish(registration, cycleId, coordinator, everyone.size(), null);

      // and Alice signs in by emailed link
      alice.open("/sign-in");
      visit(alice, "11-sign-in");
      alice.type("#email", ALICE);
      var beforeSignIn = inbox.seen(ALICE);
      alice.submit("main form button");
      assertThat(alice.path()).isEqualTo("/sign-in/sent");
      visit(alice, "12-sign-in-sent");
      String link = inbox.await(ALICE, "SIGN_IN", beforeSignIn, MAIL).link(portal, "/sign-in");
      alice.open(link);
      visit(alice, "13-sign-in-link");
      alice.submit("main form button");

      // then she sees her partner's card, with their local time (not in France or Spain: she
      // asked not to be paired there)
      assertThat(alice.path()).isEqualTo("/home");
      awaitHome(
          alice,
          "the partner card",
          Duration.ofMinutes(2),
          () -> !alice.all(".partner h3").isEmpty());
      String partnerEmail = alice.text(".partner a[href^='mailto:']");
      assertThat(alice.text(".partner h3")).isNotBlank();
      assertThat(alice.text(".partner")).containsPattern("\\([A-Z][a-z]+/[A-Za-z_]+\\)");
      assertThat(partnerEmail).isNotIn(ALICE, CARLA, DAN).endsWith(".portal@example.org");

      // when the programme clock reaches the first weeks of the partnership
      String admin = stack.token("ADMIN");
      moveClock(admin, Map.of("by", "P10D"), "advance the demo clock");

      // then this week's prompt is on her home page
      awaitHome(
          alice,
          "this week's prompt",
          Duration.ofMinutes(3),
          () -> !alice.all(".prompt h3").isEmpty());
      assertThat(alice.text(".prompt .prompt-body")).isNotBlank();
      visit(alice, "14-home-partner-prompt");
      alice.open("/prompts");
      visit(alice, "15-prompts");

      // when she writes to her partner, with markup and a script in the text
      alice.open("/messages");
      var beforeMessage = inbox.seen(partnerEmail);
      alice.type("#text", HOSTILE);
      alice.submit("#write button");

      // then it is shown as text, nothing runs, and the partner is told by mail
      assertThat(alice.text(".thread li:last-child .text")).isEqualTo(HOSTILE);
      assertThat(alice.all(".thread script, .thread b")).isEmpty();
      assertNoAlert(alice);
      visit(alice, "16-messages");
      inbox.await(partnerEmail, "PARTNER_MESSAGE", beforeMessage, MAIL);

      // and the rest of her pages
      alice.open("/my-data");
      visit(alice, "17-my-data");
      alice.open("/my-data/profile");
      visit(alice, "17b-my-data-profile");
      alice.open("/my-data/languages");
      visit(alice, "17c-my-data-languages");
      alice.open("/privacy");
      visit(alice, "18-privacy");
      alice.open("/home?lang=fr");
      visit(alice, "19-home-fr");
      alice.open("/home?lang=en");

      // a participant cannot see another's thread, partner or application by changing ids
      String carlaId = participantId(registration, coordinator, cycleId, CARLA);
      String carlaToken = stack.token("PARTICIPANT", "--subject", carlaId);
      JsonNode carlaPartnership =
          Stack.expect(
              Stack.call(
                  "GET",
                  stack.url("messaging") + "/api/messaging/participants/me/partnership",
                  carlaToken,
                  null),
              200,
              "Carla's partnership");
      String carlaThread = carlaPartnership.get("partnershipId").asString();
      Stack.expect(
          Stack.call(
              "POST",
              stack.url("messaging") + "/api/messaging/conversations/" + carlaThread + "/messages",
              carlaToken,
              Map.of("text", "a secret between Carla and Dan")),
          201,
          "Carla writes");
      for (String path :
          List.of(
              "/messages?partnershipId=" + carlaThread,
              "/home?partnershipId=" + carlaThread + "&participantId=" + carlaId,
              "/my-data?participantId=" + carlaId,
              "/messages/" + carlaThread,
              "/conversations/" + carlaThread)) {
        alice.open(path);
        assertThat(alice.text("body"))
            .as(path)
            .doesNotContain("a secret between", "Carla", "Dan Ortega");
      }
      visit(alice, "20-error-page");
      String aliceId = participantId(registration, coordinator, cycleId, ALICE);
      assertThat(
              Stack.call(
                      "GET",
                      stack.url("messaging")
                          + "/api/messaging/conversations/"
                          + carlaThread
                          + "/messages",
                      stack.token("PARTICIPANT", "--subject", aliceId),
                      null)
                  .status())
          .isEqualTo(404);

      // a used sign-in link, and one that never existed, fail cleanly with a way to ask again
      try (Chromium other = new Chromium(portal, SCREENSHOTS)) {
        other.open(link);
        other.submit("main form button");
        assertThat(other.text("#errors h2")).isEqualTo("This sign-in link does not work");
        assertThat(other.all("main form input[name=email]")).hasSize(1);
        visit(other, "21-sign-in-link-used");
        other.open("/sign-in/expired-or-made-up-token");
        other.submit("main form button");
        assertThat(other.text("#errors h2")).isEqualTo("This sign-in link does not work");
        other.open("/home");
        assertThat(other.path()).isEqualTo("/sign-in");
      }

      // and the partner reads Alice's message as text
      try (Chromium boris = new Chromium(portal, SCREENSHOTS)) {
        signIn(boris, partnerEmail);
        boris.open("/messages");
        assertThat(boris.text(".thread li .text")).isEqualTo(HOSTILE);
        assertNoAlert(boris);
        visit(boris, "22-messages-partner");
      }

      // Alice signs out
      alice.open("/home");
      alice.submit("header form button");
      assertThat(alice.text("main")).contains("You have signed out.");
      visit(alice, "23-signed-out");

      report();
      assertThat(violations).as("serious or critical axe-core violations").isEmpty();
      assertThat(weights)
          .allSatisfy(w -> assertThat(w.total()).as(w.page() + " bytes").isLessThan(100_000));

      // the home page under load: 50 participants signed in at once
      PortalLoad load = new PortalLoad(portal, stack.inbox());
      List<PortalLoad.Session> sessions = new ArrayList<>();
      for (String email : everyone) {
        sessions.add(load.signIn(email, MAIL));
      }
      System.out.println(load.measure(sessions, 10).table());
    }
  }

  /**
   * The quiet-partner journey of issue #10: Quinn's partner Rui goes silent; Quinn says so, the
   * portal says a reminder was emailed only once the mail went out (and Rui has it); when the grace
   * period passes unanswered Quinn may ask for a new partner, gets one from the waitlist (Erin),
   * and Rui is told the partnership ended. Each statement is checked where it must show and where
   * it must not.
   */
  @Test
  void shouldRemindAQuietPartnerAndGiveTheReporterANewOneWhenSilenceGoesOn() throws Exception {
    String coordinator = stack.token("COORDINATOR");
    String admin = stack.token("ADMIN");
    String registration = stack.url("registration");
    String matching = stack.url("matching");
    String prompts = stack.url("prompt");

    // given a cycle whose partnerships start after the (shared, durable) programme clock's now,
    // where the odd one out waits instead of joining a trio and re-pairings are published at once
    Instant programmeNow =
        Instant.parse(
            Stack.expect(
                    Stack.call("GET", prompts + "/api/prompts/clock", coordinator, null),
                    200,
                    "the programme clock")
                .get("now")
                .asString());
    LocalDate starts = programmeNow.atZone(ZoneOffset.UTC).toLocalDate().plusDays(2);
    Map<String, Object> body = cycle();
    body.put("name", "Quiet journey");
    body.put("partnershipStartsOn", starts.toString());
    String cycleId =
        Stack.expect(
                Stack.call("POST", registration + "/api/registration/cycles", coordinator, body),
                201,
                "create the quiet-journey cycle")
            .get("id")
            .asString();
    Stack.expect(
        Stack.call(
            "POST",
            registration + "/api/registration/cycles/" + cycleId + "/open",
            coordinator,
            null),
        200,
        "open the quiet-journey cycle");
    Stack.expect(
        Stack.call(
            "PUT",
            matching + "/api/matching/cycles/" + cycleId + "/settings",
            coordinator,
            Map.of(
                "leftoverPolicy", "WAITLIST",
                "afterPublication", "AUTOMATIC",
                "quietRematch", "AUTOMATIC")),
        200,
        "matching settings");
    applyAndVerify(registration, cycleId, QUINN, "Quinn Hale", "GB", "en", "Europe/London");
    applyAndVerify(registration, cycleId, RUI, "Rui Costa", "PT", "pt", "Europe/Lisbon");
    applyAndVerify(registration, cycleId, ERIN, "Erin Byrne", "IE", "en", "Europe/Dublin");
    String quinnId = participantId(registration, coordinator, cycleId, QUINN);
    String ruiId = participantId(registration, coordinator, cycleId, RUI);
    // and Quinn and Rui are partners (hand-paired), Erin waits
    var erinBefore = inbox.seen(ERIN);
    matchAndPublish(
        registration, cycleId, coordinator, 3, Map.of("first", quinnId, "second", ruiId));
    inbox.await(ERIN, "WAITLISTED", erinBefore, MAIL);
    moveClock(
        admin,
        Map.of("to", starts.atTime(12, 0).toInstant(ZoneOffset.UTC).toString()),
        "the partnerships start");

    try (Chromium quinn = new Chromium(portal, SCREENSHOTS)) {
      signIn(quinn, QUINN);
      awaitHome(
          quinn,
          "Quinn's partner card and the quiet section",
          Duration.ofMinutes(2),
          () ->
              quinn.text(".partner").contains("Rui Costa")
                  && !quinn.all("#quiet form button").isEmpty());
      // nothing was reported: the page claims no reminder
      assertThat(quinn.all("#quiet-reminder")).isEmpty();
      assertThat(quinn.text("main")).doesNotContain("reminder on");

      // when Quinn reports that Rui has gone quiet
      var ruiBefore = inbox.seen(RUI);
      quinn.type("#note", "No answer since the introduction");
      quinn.submit("#quiet form button");

      // then Rui is reminded by mail, and the page says so only once the mail went out
      Inbox.Mail reminder = inbox.await(RUI, "REMINDER", ruiBefore, MAIL);
      assertThat(reminder.text()).contains("Quinn").contains(portal + "/messages");
      awaitHome(
          quinn,
          "the reminder shown as sent",
          Duration.ofMinutes(1),
          () -> quinn.text("#quiet-reminder").startsWith("We emailed your partner a reminder on"));
      assertThat(quinn.text("#quiet-answer-by")).contains("If they have not answered by");
      // and no new partner may be asked for before the grace period is over
      assertThat(quinn.all("#new-partner-form")).isEmpty();
      visit(quinn, "30-quiet-reminded");

      // when the grace period passes and Rui has not answered
      var quinnBefore = inbox.seen(QUINN);
      var erinIntro = inbox.seen(ERIN);
      ruiBefore = inbox.seen(RUI);
      moveClock(admin, Map.of("by", "P8D"), "past the grace period");

      // then Quinn may ask for a new partner
      awaitHome(
          quinn,
          "the new-partner button",
          Duration.ofMinutes(2),
          () -> !quinn.all("#new-partner-form button").isEmpty());
      assertThat(quinn.all("#quiet-reminder")).isEmpty();
      assertThat(quinn.all("#new-partner-request")).isEmpty();
      visit(quinn, "31-quiet-ask-new-partner");

      // when she does
      quinn.submit("#new-partner-form button");

      // then the page says what was done (on the quiet card while the old partnership is still
      // shown, or as her standing once it is gone), and not the button again
      assertThat(quinn.text("main")).contains("We are finding you a new partner");
      assertThat(quinn.all("#new-partner-form")).isEmpty();
      visit(quinn, "32-quiet-new-partner-requested");

      // and she is introduced to Erin from the waitlist, Erin to her, and Rui is told
      inbox.await(QUINN, "NEW_PARTNER", quinnBefore, MAIL);
      inbox.await(ERIN, "INTRODUCTION", erinIntro, MAIL);
      Inbox.Mail dissolved = inbox.await(RUI, "PARTNERSHIP_DISSOLVED", ruiBefore, MAIL);
      assertThat(dissolved.text()).doesNotContain(QUINN);
      awaitHome(
          quinn,
          "Quinn's new partner card",
          Duration.ofMinutes(1),
          () -> quinn.text(".partner").contains("Erin Byrne"));
      assertThat(quinn.text(".partner")).doesNotContain("Rui Costa");
      assertThat(quinn.text("#new-partner")).isNotBlank();
      visit(quinn, "33-quiet-new-partner");
      quinn.open("/updates");
      assertThat(quinn.text("main")).contains("Erin");
      visit(quinn, "34-updates");
    }

    // and Rui's own updates tell him both, in his portal
    JsonNode ruiNotices =
        Stack.expect(
            Stack.call(
                "GET",
                stack.url("messaging") + "/api/messaging/participants/me/notices",
                stack.token("PARTICIPANT", "--subject", ruiId),
                null),
            200,
            "Rui's notices");
    List<String> kinds = new ArrayList<>();
    ruiNotices.forEach(n -> kinds.add(n.get("kind").asString()));
    assertThat(kinds).contains("REMINDER", "PARTNERSHIP_DISSOLVED");
    report();
    assertThat(violations).as("serious or critical axe-core violations").isEmpty();
  }

  /** Signs {@code email} in with the link the local inbox received. */
  private static void signIn(Chromium browser, String email) {
    browser.open("/sign-in");
    browser.type("#email", email);
    var before = inbox.seen(email);
    browser.submit("main form button");
    browser.open(inbox.await(email, "SIGN_IN", before, MAIL).link(portal, "/sign-in"));
    browser.submit("main form button");
  }

  /** Reloads the home page until it shows what {@code shows} checks (events take a moment). */
  private static void awaitHome(
      Chromium browser, String what, Duration atMost, Callable<Boolean> shows) {
    await(what)
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> {
              browser.open("/home");
              return shows.call();
            });
  }

  /** Moves the stack's demo programme clock ({@code by} a duration or {@code to} an instant). */
  private static void moveClock(String admin, Map<String, String> move, String what) {
    Stack.expect(
        Stack.call("POST", stack.url("prompt") + "/api/prompts/clock/advance", admin, move),
        200,
        what);
  }

  private static void visit(Chromium browser, String name) {
    shots.add(browser.screenshot(name));
    violations.addAll(browser.axe(name));
    weights.add(browser.weight(name));
  }

  private static void assertNoAlert(Chromium browser) {
    try {
      browser.driver().switchTo().alert();
      throw new AssertionError("a script in a message ran");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
  }

  private static void report() {
    StringBuilder out = new StringBuilder("\n=== portal pages: weight (decoded bytes) ===\n");
    out.append(
        String.format("%-28s %10s %10s %10s %9s%n", "page", "html", "css+js", "total", "requests"));
    for (Chromium.Weight w : weights) {
      out.append(
          String.format(
              "%-28s %10d %10d %10d %9d%n",
              w.page(), w.htmlBytes(), w.cssJsBytes(), w.total(), w.requests()));
    }
    out.append("=== screenshots ===\n");
    shots.forEach(p -> out.append(p.toAbsolutePath().normalize()).append('\n'));
    out.append("=== serious/critical axe-core violations: ").append(violations.size()).append('\n');
    violations.forEach(v -> out.append(v).append('\n'));
    System.out.println(out);
  }

  private static void applyAndVerify(
      String registration,
      String cycleId,
      String email,
      String name,
      String country,
      String language,
      String zone) {
    var before = inbox.seen(email);
    Map<String, Object> application = new LinkedHashMap<>();
    application.put("fullName", name);
    application.put("email", email);
    application.put("countryCode", country);
    application.put("city", "Capital");
    application.put("organisation", name + "'s library");
    application.put("sector", "ACADEMIC");
    application.put("role", "Librarian");
    application.put("yearsInProfession", 5);
    application.put(
        "languages",
        language.equals("en")
            ? List.of(Map.of("code", "en", "correspondence", true))
            : List.of(
                Map.of("code", language, "correspondence", true),
                Map.of("code", "en", "correspondence", true)));
    application.put("interests", List.of("open-access", "digital-literacy"));
    application.put("hopes", "");
    application.put("timeZone", zone);
    application.put("preferences", Map.of("sector", "NO_PREFERENCE", "avoidCountries", List.of()));
    application.put("returning", false);
    application.put("locale", "en");
    application.put("consent", Map.of("privacyNotice", true, "shareContactWithPartner", true));
    Stack.expect(
        Stack.call(
            "POST",
            registration + "/api/registration/cycles/" + cycleId + "/applications",
            null,
            application),
        201,
        "apply " + email);
    String token = inbox.await(email, "VERIFICATION", before, MAIL).token(portal, "/verify");
    Stack.expect(
        Stack.call(
            "POST", registration + "/api/registration/verifications", null, Map.of("token", token)),
        200,
        "verify " + email);
  }

  private static void matchAndPublish(
      String registration,
      String cycleId,
      String coordinator,
      int people,
      @org.jspecify.annotations.Nullable Map<String, String> lock) {
    Stack.expect(
        Stack.call(
            "POST",
            registration + "/api/registration/cycles/" + cycleId + "/close",
            coordinator,
            null),
        200,
        "close the cycle");
    String matching = stack.url("matching");
    await("the matching pool")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () -> {
              Stack.Answer pool =
                  Stack.call(
                      "GET",
                      matching + "/api/matching/cycles/" + cycleId + "/pool",
                      coordinator,
                      null);
              return pool.status() == 200 && pool.json().path("matchable").asInt() >= people;
            });
    if (lock != null) {
      Stack.expect(
          Stack.call(
              "POST", matching + "/api/matching/cycles/" + cycleId + "/locks", coordinator, lock),
          200,
          "lock a pair");
    }
    String runId =
        Stack.expect(
                Stack.call(
                    "POST",
                    matching + "/api/matching/cycles/" + cycleId + "/runs",
                    coordinator,
                    Map.of()),
                202,
                "start matching")
            .get("id")
            .asString();
    await("the matching run")
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                !"RUNNING"
                    .equals(
                        Stack.call(
                                "GET", matching + "/api/matching/runs/" + runId, coordinator, null)
                            .json()
                            .path("status")
                            .asString("")));
    Stack.expect(
        Stack.call(
            "POST", matching + "/api/matching/runs/" + runId + "/publish", coordinator, null),
        200,
        "publish");
  }

  private static String participantId(
      String registration, String coordinator, String cycleId, String email) {
    JsonNode page =
        Stack.call(
                "GET",
                registration
                    + "/api/registration/cycles/"
                    + cycleId
                    + "/applications?size=50&q="
                    + java.net.URLEncoder.encode(email, java.nio.charset.StandardCharsets.UTF_8),
                coordinator,
                null)
            .json();
    for (JsonNode item : page.path("items")) {
      if (email.equals(item.path("profile").path("email").asString(""))
          || email.equals(item.path("email").asString(""))) {
        return item.get("id").asString();
      }
    }
    throw new AssertionError("no application of " + email + " in " + page);
  }

  private static Map<String, Object> cycle() {
    Instant now = Instant.now();
    Map<String, Object> cycle = new LinkedHashMap<>();
    cycle.put("name", "Portal journey");
    cycle.put("registrationOpensAt", now.minus(Duration.ofHours(1)).toString());
    cycle.put("registrationClosesAt", now.plus(Duration.ofDays(1)).toString());
    cycle.put("partnershipStartsOn", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString());
    cycle.put("lengthWeeks", 17);
    cycle.put("promptCadence", "WEEKLY");
    cycle.put("promptWeekday", "MONDAY");
    cycle.put("promptLocalHour", 9);
    cycle.put("capacity", 1000);
    cycle.put("countryCapPercent", 50);
    return cycle;
  }
}
