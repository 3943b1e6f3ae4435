package org.penpals.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.gateway.audit.AuditEntry;
import org.penpals.gateway.audit.AuditLog;
import org.penpals.gateway.audit.AuditQuery;
import org.penpals.gateway.staff.AccountService;
import org.penpals.gateway.staff.StaffRole;
import org.penpals.gateway.support.GatewayIntegrationTest;
import org.penpals.gateway.support.StaffSession;
import org.penpals.gateway.support.StubServices;
import org.penpals.gateway.support.StubServices.Reply;
import org.penpals.gateway.support.TestAccounts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The console pages of a cycle's life (ADR 0012) in front of stand-in services that answer as the
 * real ones do: the cycle's stage and dates, archiving (a completed cycle only, after a confirm
 * step), the waitlist and staff admissions, announcements (preview, then send once per form), quiet
 * partners and new-partner requests, partnerships' status and check-in. What the console sends the
 * services is checked as the services received it.
 */
@GatewayIntegrationTest
class LifeOfACycleConsoleIT {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Pattern KEY =
      Pattern.compile("name=\"idempotencyKey\"\\s+value=\"([^\"]+)\"");

  @LocalServerPort int port;
  @Autowired AccountService accounts;
  @Autowired AuditLog audit;

  private final StubServices stubs = StubServices.get();
  private TestAccounts.Account coordinator;
  private StaffSession console;

  @BeforeEach
  void signedInCoordinator() {
    stubs.reset();
    cycle("c-run", "RUNNING", 3, null);
    cycle("c-done", "COMPLETED", 0, null);
    cycle("c-arch", "ARCHIVED", 0, "2027-08-01T09:00:00Z");
    coordinator = TestAccounts.ready(accounts, StaffRole.COORDINATOR);
    console = signIn(coordinator);
  }

  @AfterEach
  void forgetScripts() {
    stubs.reset();
  }

  // ------------------------------------------------------------------ cycles

  @Test
  void shouldShowEachCyclesStageDatesPlacesWaitlistAndLastRun() {
    // when a coordinator opens the cycles and one cycle
    String list = console.get("/console/cycles").body();
    String running = console.get("/console/cycles/c-run").body();

    // then each cycle's stage is in words, with its dates and figures
    assertThat(list)
        .contains("Running", "Completed", "Archived")
        .contains("1 Mar 2027", "27 Jun 2027")
        .contains("since 1 Mar 2027, 09:00 UTC")
        .contains("22 of 24 matched");
    assertThat(text(running, "cycle-status")).isEqualTo("Running");
    assertThat(text(running, "cycle-stage-meaning"))
        .isEqualTo("Partnerships are under way and weekly prompts go out.");
    assertThat(text(running, "partnerships-start")).isEqualTo("1 Mar 2027");
    assertThat(text(running, "last-week-ends")).isEqualTo("27 Jun 2027");
    assertThat(text(running, "running-since")).isEqualTo("1 Mar 2027, 09:00 UTC (programme time)");
    assertThat(text(running, "completed-at")).isEqualTo("not yet");
    assertThat(text(running, "waitlisted")).isEqualTo("3");
    assertThat(running)
        .contains("22 of 24 people matched", "within 0.4% of the best possible score")
        .contains("href=\"/console/cycles/c-run/waitlist\"")
        .contains("href=\"/console/cycles/c-run/quiet\"")
        .contains("href=\"/console/cycles/c-run/announcements\"");
  }

  @Test
  void shouldOfferArchivingOnlyForACompletedCycleAndOnlyAfterAConfirmStep() {
    // given a completed, a running and an archived cycle
    // when a coordinator looks at each, then only the completed one offers archiving
    assertThat(console.get("/console/cycles/c-done").body()).contains("id=\"archive-cycle\"");
    assertThat(console.get("/console/cycles/c-run").body()).doesNotContain("archive-cycle");
    assertThat(console.get("/console/cycles/c-arch").body()).doesNotContain("archive-cycle");
    StaffSession viewer = signIn(TestAccounts.ready(accounts, StaffRole.VIEWER));
    assertThat(viewer.get("/console/cycles/c-done").body()).doesNotContain("archive-cycle");
    assertThat(viewer.get("/console/cycles/c-done/archive").status()).isEqualTo(403);

    // and archiving a running cycle is refused before the service is asked
    StaffSession.Page refused = console.get("/console/cycles/c-run/archive");
    assertThat(refused.location()).endsWith("/console/cycles/c-run");
    assertThat(console.get("/console/cycles/c-run").body())
        .contains("Only a completed cycle can be archived; this one is running.");

    // when they follow the button, the confirm page asks first and nothing is archived yet
    StaffSession.Page confirm = console.get("/console/cycles/c-done/archive");
    assertThat(confirm.status()).isEqualTo(200);
    assertThat(confirm.body()).contains("This cannot be undone", "id=\"confirm-archive\"");
    assertThat(stubs.received("POST", "/api/registration/cycles/c-done/archive")).isEmpty();

    // and once they confirm, the registration service archives it and the console says so
    stubs.reply(
        "POST",
        "/api/registration/cycles/c-done/archive",
        Reply.ok(cycleJson("c-done", "ARCHIVED", 0, "2027-08-01T09:00:00Z")));
    StaffSession.Page archived = console.post("/console/cycles/c-done/archive", Map.of());
    assertThat(archived.location()).endsWith("/console/cycles/c-done");
    assertThat(stubs.received("POST", "/api/registration/cycles/c-done/archive")).hasSize(1);
    assertThat(console.get("/console/cycles/c-done").body()).contains("Cycle archived");
    assertThat(auditOf(coordinator))
        .anySatisfy(
            e -> {
              assertThat(e.action()).isEqualTo("console.cycle.archive");
              assertThat(e.target()).isEqualTo("cycleId=c-done");
              assertThat(e.outcome()).isEqualTo("success");
            });
  }

  // ------------------------------------------------------------------ waitlist

  @Test
  void shouldShowTheWaitlistInItsFairOrderAndAdmitTheChosenOnesAllOrNothing() {
    // given three applicants waiting, the second of whom was admitted meanwhile
    stubs.reply("GET", "/api/registration/cycles/c-run/waitlist", Reply.ok(WAITLIST));
    stubs.reply(
        "GET",
        "/api/registration/applications/p-bea",
        Reply.ok(application("p-bea", "Bea Brown", "FR")));
    List<StubServices.Received> admissions = new CopyOnWriteArrayList<>();
    stubs.reply(
        "POST",
        "/api/registration/cycles/c-run/admissions",
        r -> {
          admissions.add(r);
          return admissions.size() == 1
              ? Reply.problem(
                  409, "cannot admit", "participantIds[1]", "is not waitlisted (it is ADMITTED)")
              : Reply.ok(
                  "{\"admitted\":["
                      + application("p-ana", "Ana Pérez", "ES")
                      + ","
                      + application("p-cem", "Cem Kaya", "TR")
                      + "]}");
        });

    // when the coordinator opens the waitlist
    String page = console.get("/console/cycles/c-run/waitlist").body();

    // then the queue is in its fair order, explained, with a box for each and the button
    assertThat(page)
        .contains(
            "Fair order: earliest application first among applicants who confirmed their email");
    assertThat(rows(page, "data-participant")).containsExactly("p-ana", "p-bea", "p-cem");
    assertThat(page)
        .contains("Ana Pérez", "Spain", "not yet (offered no place until confirmed)")
        .contains("yes (passed over until it has room)", "Country cap", "Capacity")
        .contains("value=\"p-cem\"", "id=\"admit-selected\"");

    // when they admit two, one of whom cannot be admitted any more
    StaffSession.Page refused =
        console.postAll(
            "/console/cycles/c-run/admissions",
            List.of(Map.entry("participantIds", "p-ana"), Map.entry("participantIds", "p-bea")));

    // then the service's refusal names who could not be admitted, and nobody was
    assertThat(refused.location()).endsWith("/console/cycles/c-run/waitlist");
    assertThat(JSON.readTree(admissions.get(0).body()).path("participantIds").toString())
        .isEqualTo("[\"p-ana\",\"p-bea\"]");
    assertThat(failure(console.get("/console/cycles/c-run/waitlist").body()))
        .isEqualTo("Nobody was admitted: Bea Brown is not waitlisted (it is ADMITTED).");

    // when they admit two who can be
    console.postAll(
        "/console/cycles/c-run/admissions",
        List.of(Map.entry("participantIds", "p-ana"), Map.entry("participantIds", "p-cem")));

    // then the flash says how many and who
    assertThat(notice(console.get("/console/cycles/c-run/waitlist").body()))
        .isEqualTo(
            "2 applicants admitted: Ana Pérez, Cem Kaya. They will be told by mail and in the portal.");
    assertThat(auditOf(coordinator))
        .filteredOn(e -> e.action().equals("console.waitlist.admit"))
        .hasSize(2)
        .extracting(AuditEntry::status)
        .containsExactlyInAnyOrder(302, 302);
  }

  @Test
  void shouldLetAViewerSeeTheWaitlistButAdmitNobodyAndKeepAmbassadorsOut() {
    stubs.reply("GET", "/api/registration/cycles/c-run/waitlist", Reply.ok(WAITLIST));
    StaffSession viewer = signIn(TestAccounts.ready(accounts, StaffRole.VIEWER));
    StaffSession ambassador = signIn(TestAccounts.ready(accounts, StaffRole.AMBASSADOR, "ES"));

    String page = viewer.get("/console/cycles/c-run/waitlist").body();
    assertThat(rows(page, "data-participant")).hasSize(3);
    assertThat(page).doesNotContain("admit-selected").doesNotContain("name=\"participantIds\"");
    assertThat(
            viewer
                .postAll(
                    "/console/cycles/c-run/admissions",
                    List.of(Map.entry("participantIds", "p-ana")))
                .status())
        .isEqualTo(403);
    for (String path : List.of("waitlist", "announcements", "quiet")) {
      assertThat(ambassador.get("/console/cycles/c-run/" + path).status()).as(path).isEqualTo(403);
    }
    assertThat(stubs.received("POST", "/api/registration/cycles/c-run/admissions")).isEmpty();
    assertThat(stubs.received("GET", "/api/registration/cycles/c-run/waitlist")).hasSize(1);
  }

  // ------------------------------------------------------------------ announcements

  @Test
  void shouldPreviewWithoutSendingThenSendOnceHoweverOftenTheSameFormIsPosted() {
    // given messaging that previews, and keeps one announcement per Idempotency-Key
    Announcements messaging = new Announcements();
    messaging.install(stubs, "c-run");

    // when the coordinator opens the page and previews an announcement
    String form = console.get("/console/cycles/c-run/announcements").body();
    String key = key(form);
    assertThat(key).matches("form-[0-9a-f]{32}");
    List<Map.Entry<String, String>> fields =
        List.of(
            Map.entry("idempotencyKey", key),
            Map.entry("subject", "Halfway there"),
            Map.entry("body", "Dear colleagues, **thank you**."),
            Map.entry("subjectEs", "A mitad de camino"),
            Map.entry("bodyEs", "Estimados colegas, **gracias**."),
            Map.entry("subjectFr", ""),
            Map.entry("bodyFr", ""),
            Map.entry("segment", "COUNTRY"),
            Map.entry("country", "ES"),
            Map.entry("sendAt", ""));
    StaffSession.Page preview =
        console.postAll("/console/cycles/c-run/announcements/preview", fields);

    // then the rendered mail and the recipients show, nothing is sent, and the form keeps its key
    assertThat(preview.status()).isEqualTo(200);
    assertThat(text(preview.body(), "preview-recipients")).isEqualTo("3 people");
    assertThat(text(preview.body(), "preview-audience"))
        .isEqualTo("It would go to 3 people now: 2 in English, 1 in Spanish, 0 in French.");
    assertThat(preview.body())
        .contains("Preview — nothing has been sent")
        .contains("srcdoc=\"&lt;p&gt;Dear colleagues")
        .contains("sandbox=\"\"");
    assertThat(key(preview.body())).isEqualTo(key);
    assertThat(stubs.received("POST", "/api/messaging/cycles/c-run/announcements")).isEmpty();
    JsonNode previewed =
        JSON.readTree(
            stubs
                .received("POST", "/api/messaging/cycles/c-run/announcements/preview")
                .get(0)
                .body());
    assertThat(previewed.path("segment").toString())
        .isEqualTo("{\"kind\":\"COUNTRY\",\"country\":\"ES\"}");
    assertThat(previewed.path("translations").has("fr")).isFalse();
    assertThat(previewed.path("translations").path("es").path("subject").asString())
        .isEqualTo("A mitad de camino");
    assertThat(previewed.has("sendAt")).isFalse();

    // when they send it, and the same form is posted again (a double click, a browser re-post)
    StaffSession.Page sent = console.postAll("/console/cycles/c-run/announcements", fields);
    String afterSend = console.get("/console/cycles/c-run/announcements").body();
    StaffSession.Page again = console.postAll("/console/cycles/c-run/announcements", fields);
    String afterAgain = console.get("/console/cycles/c-run/announcements").body();

    // then messaging got both with the same key and made one announcement: sent once
    assertThat(sent.location()).endsWith("/console/cycles/c-run/announcements");
    assertThat(again.location()).endsWith("/console/cycles/c-run/announcements");
    List<StubServices.Received> posts =
        stubs.received("POST", "/api/messaging/cycles/c-run/announcements");
    assertThat(posts).hasSize(2);
    assertThat(posts).extracting(r -> r.header("Idempotency-Key")).containsOnly(key);
    assertThat(messaging.created).hasSize(1);
    assertThat(notice(afterSend))
        .isEqualTo("Announcement “Halfway there” is being sent to 3 people now.");
    assertThat(notice(afterAgain))
        .isEqualTo(
            "This announcement was already scheduled from this form (“Halfway there”): nothing was sent again.");
    assertThat(rows(afterAgain, "data-announcement")).containsExactly("an-1");
    assertThat(afterAgain)
        .contains("Everyone working in one country", ": Spain (ES)", "also in es");

    // and the page offers a fresh form (a new key) for the next announcement
    assertThat(key(afterAgain)).isNotEqualTo(key);
    assertThat(auditOf(coordinator))
        .filteredOn(e -> e.action().equals("console.announcement.send"))
        .hasSize(2)
        .allSatisfy(e -> assertThat(e.target()).isEqualTo("cycleId=c-run Idempotency-Key=" + key));
  }

  @Test
  void shouldShowTheServicesProblemsNextToTheFieldsAndKeepWhatWasTyped() {
    // given messaging refuses bad fields, then an empty segment
    List<Reply> answers =
        new ArrayList<>(
            List.of(
                Reply.problem(
                    400,
                    "invalid announcement",
                    "subject",
                    "is required",
                    "translations.fr.body",
                    "is required",
                    "sendAt",
                    "must not be in the past"),
                Reply.problem(
                    409,
                    "nobody is in this segment",
                    "segment",
                    "nobody in the cycle is in this segment")));
    stubs.reply("POST", "/api/messaging/cycles/c-run/announcements", r -> answers.remove(0));
    stubs.reply("GET", "/api/messaging/cycles/c-run/announcements", Reply.ok("[]"));
    String key = key(console.get("/console/cycles/c-run/announcements").body());
    List<Map.Entry<String, String>> fields =
        List.of(
            Map.entry("idempotencyKey", key),
            Map.entry("subject", ""),
            Map.entry("body", "Typed with care"),
            Map.entry("subjectFr", "Bonjour"),
            Map.entry("bodyFr", ""),
            Map.entry("segment", "WAITLISTED"),
            Map.entry("sendAt", "2020-01-01T10:00"));

    // when the form is sent
    StaffSession.Page bad = console.postAll("/console/cycles/c-run/announcements", fields);

    // then each problem is shown next to its field, with what was typed
    assertThat(bad.status()).isEqualTo(400);
    assertThat(text(bad.body(), "subject-error")).isEqualTo("is required");
    assertThat(text(bad.body(), "bodyFr-error")).isEqualTo("is required");
    assertThat(text(bad.body(), "sendAt-error")).isEqualTo("must not be in the past");
    assertThat(bad.body())
        .contains("Typed with care", "value=\"Bonjour\"", "value=\"2020-01-01T10:00\"");
    assertThat(key(bad.body())).isEqualTo(key);

    // and an empty segment is named at the segment
    StaffSession.Page empty = console.postAll("/console/cycles/c-run/announcements", fields);
    assertThat(empty.status()).isEqualTo(409);
    assertThat(text(empty.body(), "segment-error"))
        .isEqualTo("nobody in the cycle is in this segment");
    assertThat(empty.body()).contains("<option value=\"WAITLISTED\" selected=\"selected\">");
  }

  @Test
  void shouldCancelOnlyAScheduledAnnouncementAndWriteNothingToAnArchivedCycle() {
    stubs.reply(
        "GET",
        "/api/messaging/cycles/c-run/announcements",
        Reply.ok(
            "["
                + announcement("an-2", "SCHEDULED", "2027-05-01T09:00:00Z")
                + ","
                + announcement("an-1", "SENT", "2027-04-01T09:00:00Z")
                + "]"));
    stubs.reply(
        "DELETE",
        "/api/messaging/cycles/c-run/announcements/an-2",
        Reply.ok(announcement("an-2", "CANCELLED", "2027-05-01T09:00:00Z")));
    stubs.reply("GET", "/api/messaging/cycles/c-arch/announcements", Reply.ok("[]"));

    String page = console.get("/console/cycles/c-run/announcements").body();
    assertThat(page).contains("id=\"cancel-an-2\"").doesNotContain("id=\"cancel-an-1\"");
    console.post("/console/cycles/c-run/announcements/an-2/cancel", Map.of());
    assertThat(stubs.received("DELETE", "/api/messaging/cycles/c-run/announcements/an-2"))
        .hasSize(1);
    assertThat(notice(console.get("/console/cycles/c-run/announcements").body()))
        .isEqualTo("Announcement cancelled: nobody will get it.");

    String archived = console.get("/console/cycles/c-arch/announcements").body();
    assertThat(archived)
        .doesNotContain("id=\"announcement-form\"")
        .contains("This cycle is archived");
  }

  // ------------------------------------------------------------------ quiet partners

  @Test
  void shouldShowEveryReportWithItsReminderAndOutcomeAndLetACoordinatorDecideRequests() {
    // given two reports on one partnership and two requests, one awaiting a coordinator
    stubs.reply("GET", "/api/prompts/cycles/c-run/quiet", Reply.ok(QUIET));
    stubs.reply(
        "GET",
        "/api/matching/cycles/c-run/new-partner-requests",
        Reply.ok(REQUESTS.replace("STAFF_ID", coordinator.staffId())));
    stubs.reply("GET", "/api/matching/cycles/c-run/settings", Reply.ok(settings("STAFF_APPROVAL")));
    stubs.reply(
        "GET",
        "/api/prompts/cycles/c-run/schedule",
        Reply.ok("{\"cycleId\":\"c-run\",\"reportGraceDays\":7,\"weeks\":[]}"));
    stubs.reply(
        "GET",
        "/api/registration/applications/p-ana",
        Reply.ok(application("p-ana", "Ana Pérez", "ES")));
    stubs.reply(
        "GET",
        "/api/registration/applications/p-ivan",
        Reply.ok(application("p-ivan", "Ivan Petrov", "BG")));
    List<StubServices.Received> decisions = new CopyOnWriteArrayList<>();
    stubs.reply(
        "POST",
        "/api/matching/cycles/c-run/new-partner-requests/np-1/approve",
        r -> {
          decisions.add(r);
          return Reply.ok(
              "{\"requestId\":\"np-1\",\"fullName\":\"Ana Pérez\",\"status\":\"ACCEPTED\"}");
        });
    stubs.reply(
        "POST",
        "/api/matching/cycles/c-run/new-partner-requests/np-1/decline",
        r -> {
          decisions.add(r);
          return Reply.problem(409, "already decided", "requestId", "is already decided");
        });

    // when the coordinator opens the quiet partners
    String page = console.get("/console/cycles/c-run/quiet").body();

    // then each report says who, when, the reminder and the outcome, with names
    assertThat(page)
        .contains("Ana Pérez + Ivan Petrov")
        .contains("sent 1 Apr 2027, 10:05 UTC to Ivan Petrov")
        .contains("not sent: reminded on 1 Apr 2027, 10:05 UTC (at most one a week)")
        .contains(
            "flagged 8 Apr 2027, 10:00 UTC: no answer by 8 Apr 2027, 10:00 UTC; may ask for a new partner")
        .contains("open until 12 Apr 2027, 10:00 UTC")
        .contains("A reported silence went unanswered (flagged 8 Apr 2027, 10:01 UTC)")
        .contains("No answer for three weeks");
    assertThat(page).contains("id=\"reportGraceDays\"", "value=\"7\"");
    assertThat(text(page, "quiet-rematch"))
        .isEqualTo("waits for a coordinator to approve each request");
    assertThat(text(page, "awaiting-requests")).isEqualTo("1");
    assertThat(page)
        .contains("id=\"approve-np-1\"", "id=\"decline-np-1\"")
        .doesNotContain("approve-np-0");
    assertThat(page).contains("Test Coordinator").contains("agreed with Ana");

    // when they approve with a note, then matching gets it and the console says what happens
    console.post(
        "/console/cycles/c-run/new-partner-requests/np-1/approve",
        Map.of("note", " spoke to both "));
    assertThat(JSON.readTree(decisions.get(0).body()).path("note").asString())
        .isEqualTo("spoke to both");
    assertThat(notice(console.get("/console/cycles/c-run/quiet").body()))
        .startsWith("Request approved: Ana Pérez's quiet partnership is dissolved");

    // and a refused decline without a note is shown as the service's problem
    console.post("/console/cycles/c-run/new-partner-requests/np-1/decline", Map.of());
    assertThat(JSON.readTree(decisions.get(1).body()).path("note").isNull()).isTrue();
    assertThat(failure(console.get("/console/cycles/c-run/quiet").body()))
        .contains("already decided");

    // and a viewer sees the same without the buttons
    StaffSession viewer = signIn(TestAccounts.ready(accounts, StaffRole.VIEWER));
    String seen = viewer.get("/console/cycles/c-run/quiet").body();
    assertThat(seen).contains("not sent: reminded on").doesNotContain("approve-np-1");
    assertThat(text(seen, "grace-days")).isEqualTo("7 days to answer after a reminder");
    assertThat(
            viewer
                .post("/console/cycles/c-run/new-partner-requests/np-1/approve", Map.of())
                .status())
        .isEqualTo(403);
  }

  @Test
  void shouldSaveTheGracePeriodOfAQuietPartnerWithThePromptService() {
    stubs.reply("GET", "/api/prompts/cycles/c-run/quiet", Reply.ok("[]"));
    stubs.reply("GET", "/api/matching/cycles/c-run/new-partner-requests", Reply.ok("[]"));
    stubs.reply("GET", "/api/prompts/cycles/c-run/schedule", Reply.ok("{\"reportGraceDays\":7}"));
    console.get("/console/cycles/c-run/quiet");

    console.post("/console/cycles/c-run/quiet-settings", Map.of("reportGraceDays", "10"));

    JsonNode saved =
        JSON.readTree(stubs.received("PUT", "/api/prompts/cycles/c-run/settings").get(0).body());
    assertThat(saved.path("reportGraceDays").asInt()).isEqualTo(10);
    assertThat(notice(console.get("/console/cycles/c-run/quiet").body()))
        .isEqualTo("Grace period saved: a partner reported silent has 10 days to answer.");
  }

  @Test
  void shouldSaveTheQuietRematchSettingWithTheOtherMatchingSettings() {
    stubs.reply("GET", "/api/matching/cycles/c-run/settings", Reply.ok(settings("AUTOMATIC")));
    assertThat(console.get("/console/cycles/c-run").body())
        .contains("<option value=\"AUTOMATIC\" selected=\"selected\">gets one at once</option>");

    console.post(
        "/console/cycles/c-run/matching-settings",
        Map.of(
            "interests",
            "40",
            "leftoverPolicy",
            "WAITLIST",
            "afterPublication",
            "AUTOMATIC",
            "quietRematch",
            "STAFF_APPROVAL"));

    JsonNode saved =
        JSON.readTree(stubs.received("PUT", "/api/matching/cycles/c-run/settings").get(0).body());
    assertThat(saved.path("quietRematch").asString()).isEqualTo("STAFF_APPROVAL");
    assertThat(saved.path("afterPublication").asString()).isEqualTo("AUTOMATIC");
  }

  @Test
  void shouldShowEachPartnershipsStatusWithItsReasonAndTheCheckInAnswer() {
    stubs.reply("GET", "/api/matching/cycles/c-run/partnerships", Reply.ok(PARTNERSHIPS));
    stubs.reply("GET", "/api/prompts/cycles/c-run/quiet", Reply.ok("[]"));
    stubs.reply("GET", "/api/matching/cycles/c-run/waiting", Reply.ok("[]"));
    stubs.reply(
        "GET",
        "/api/registration/cycles/c-run/applications",
        Reply.ok(
            "{\"items\":["
                + application("p-ana", "Ana Pérez", "ES")
                + ","
                + application("p-ivan", "Ivan Petrov", "BG")
                + "],\"page\":0,\"size\":200,\"total\":2}"));

    String page = console.get("/console/cycles/c-run/partnerships").body();

    assertThat(page).contains(">Ana Pérez</a>", ">Ivan Petrov</a>", ">p-bea</a>");
    assertThat(text(page, "active-partnerships")).isEqualTo("1");
    assertThat(text(page, "dissolved-partnerships")).isEqualTo("1");
    assertThat(text(page, "completed-partnerships")).isEqualTo("1");
    assertThat(page)
        .contains("Active since 1 Mar 2027, 09:00 UTC")
        .contains("connected (2 of 2 answered)")
        .contains(
            "Dissolved 9 Apr 2027, 10:00 UTC: a member went quiet and the other was given a new partner")
        .contains("not connected (1 of 2 answered)")
        .contains("Completed 27 Jun 2027, 12:00 UTC")
        .contains("no answer yet");
  }

  // ------------------------------------------------------------------ helpers and fixtures

  /** messaging's announcements: one per Idempotency-Key, the same answer (200) for it again. */
  static final class Announcements {
    final Map<String, String> created = new java.util.concurrent.ConcurrentHashMap<>();

    void install(StubServices stubs, String cycleId) {
      String base = "/api/messaging/cycles/" + cycleId + "/announcements";
      stubs.reply("POST", base + "/preview", Reply.ok(PREVIEW));
      stubs.reply(
          "POST",
          base,
          r -> {
            String key = r.header("Idempotency-Key");
            boolean first = !created.containsKey(key);
            created.computeIfAbsent(
                key,
                k ->
                    announcementWithSegment("an-" + (created.size() + 1), java.time.Instant.now()));
            return new Reply(first ? 201 : 200, created.get(key));
          });
      stubs.reply("GET", base, r -> Reply.ok("[" + String.join(",", created.values()) + "]"));
    }
  }

  private StaffSession signIn(TestAccounts.Account account) {
    StaffSession session = new StaffSession(port);
    session.signIn(account.email(), account.password());
    return session;
  }

  private void cycle(String id, String status, int waitlisted, String archivedAt) {
    stubs.reply(
        "GET",
        "/api/registration/cycles/" + id,
        Reply.ok(cycleJson(id, status, waitlisted, archivedAt)));
    stubs.reply("GET", "/api/matching/cycles/" + id + "/settings", Reply.ok(settings("AUTOMATIC")));
    stubs.reply(
        "GET",
        "/api/registration/cycles",
        Reply.ok(
            "["
                + cycleJson("c-run", "RUNNING", 3, null)
                + ","
                + cycleJson("c-done", "COMPLETED", 0, null)
                + ","
                + cycleJson("c-arch", "ARCHIVED", 0, "2027-08-01T09:00:00Z")
                + "]"));
  }

  static String cycleJson(String id, String status, int waitlisted, String archivedAt) {
    boolean completed = status.equals("COMPLETED") || status.equals("ARCHIVED");
    return """
        {"id":"%s","name":"Cycle %s","status":"%s","registrationOpensAt":"2027-01-04T00:00:00Z",
         "registrationClosesAt":"2027-02-01T00:00:00Z","partnershipStartsOn":"2027-03-01",
         "lastWeekEndsOn":"2027-06-27","lengthWeeks":17,"promptCadence":"WEEKLY",
         "promptWeekday":"MONDAY","promptLocalHour":9,"capacity":24,"countryCapPercent":50,
         "countryCap":12,"placesTaken":24,"waitlisted":%d,
         "runningSince":"2027-03-01T09:00:00Z","completedAt":%s,"archivedAt":%s,
         "lastRun":{"runId":"r-1","people":24,"matched":22,"gap":0.004,
                    "completedAt":"2027-02-02T10:00:00Z"},
         "version":3,"createdAt":"2027-01-01T00:00:00Z","updatedAt":"2027-03-01T09:00:00Z"}
        """
        .formatted(
            id,
            id,
            status,
            waitlisted,
            completed ? "\"2027-06-27T12:00:00Z\"" : "null",
            archivedAt == null ? "null" : "\"" + archivedAt + "\"");
  }

  static String settings(String quietRematch) {
    return """
        {"weights":{"interests":30,"sector":10,"experience":10,"workingHours":20,
         "regionDiversity":5},"leftoverPolicy":"WAITLIST","afterPublication":"PROPOSE",
         "quietRematch":"%s"}
        """
        .formatted(quietRematch);
  }

  static String application(String id, String name, String country) {
    return """
        {"id":"%s","cycleId":"c-run","status":"VERIFIED","admission":"ADMITTED",
         "profile":{"fullName":"%s","countryCode":"%s"}}
        """
        .formatted(id, name, country);
  }

  static final String WAITLIST =
      """
      {"cycleId":"c-run","items":[
       {"position":1,"participantId":"p-ana","fullName":"Ana Pérez","countryCode":"ES",
        "registeredAt":"2027-01-05T10:00:00Z","verified":true,"countryAtCap":false,
        "reason":"CAPACITY"},
       {"position":2,"participantId":"p-bea","fullName":"Bea Brown","countryCode":"FR",
        "registeredAt":"2027-01-06T10:00:00Z","verified":true,"countryAtCap":true,
        "reason":"COUNTRY_CAP"},
       {"position":3,"participantId":"p-cem","fullName":"Cem Kaya","countryCode":"TR",
        "registeredAt":"2027-01-04T09:00:00Z","verified":false,"countryAtCap":false,
        "reason":"CAPACITY"}]}
      """;

  static final String PREVIEW =
      """
      {"recipients":3,"byLanguage":{"en":2,"es":1,"fr":0},
       "rendered":{
        "en":{"subject":"Halfway there","html":"<p>Dear colleagues, <strong>thank you</strong>.</p>",
              "text":"Dear colleagues, thank you."},
        "es":{"subject":"A mitad de camino","html":"<p>Estimados colegas</p>","text":"Estimados colegas"},
        "fr":{"subject":"Halfway there","html":"<p>Dear colleagues</p>","text":"Dear colleagues"}}}
      """;

  /** As messaging answers a request without {@code sendAt}: to be sent now. */
  static String announcementWithSegment(String id, java.time.Instant now) {
    return """
        {"id":"%s","cycleId":"c-run","subject":"Halfway there","body":"Dear colleagues",
         "translations":{"es":{"subject":"A mitad de camino","body":"Estimados colegas"}},
         "segment":{"kind":"COUNTRY","country":"ES"},"sendAt":"%s",
         "status":"SCHEDULED","recipients":3,"sent":0,"createdAt":"2027-04-01T09:00:00Z",
         "createdBy":"staff-coordinator"}
        """
        .formatted(id, now);
  }

  static String announcement(String id, String status, String sendAt) {
    return """
        {"id":"%s","cycleId":"c-run","subject":"News %s","body":"Hello","translations":{},
         "segment":{"kind":"ALL","country":null},"sendAt":"%s","status":"%s","recipients":20,
         "sent":%d,"createdAt":"2027-03-20T09:00:00Z","createdBy":"staff-coordinator"}
        """
        .formatted(id, id, sendAt, status, status.equals("SENT") ? 20 : 0);
  }

  static final String QUIET =
      """
      [{"partnershipId":"ps-1","cycleId":"c-run","status":"ACTIVE","members":["p-ana","p-ivan"],
        "flags":[{"reason":"REPORTED","flaggedAt":"2027-04-08T10:01:00Z","reportId":"r-1"}],
        "reports":[
         {"reportId":"r-1","by":"p-ana","note":"No answer for three weeks","status":"FLAGGED",
          "reportedAt":"2027-04-01T10:00:00Z","checkAt":"2027-04-08T10:00:00Z",
          "answerBy":"2027-04-08T10:00:00Z","resolvedAt":"2027-04-08T10:00:00Z",
          "reminder":{"status":"SENT","requestedAt":"2027-04-01T10:00:00Z",
           "sentAt":"2027-04-01T10:05:00Z","failedAt":null,"previousReminderAt":null,
           "reminded":["p-ivan"],"mails":[{"participantId":"p-ivan","mailId":"m-1",
           "status":"SENT","at":"2027-04-01T10:05:00Z","reason":null}]}},
         {"reportId":"r-2","by":"p-ivan","note":null,"status":"OPEN",
          "reportedAt":"2027-04-05T10:00:00Z","checkAt":"2027-04-12T10:00:00Z",
          "answerBy":"2027-04-12T10:00:00Z","resolvedAt":null,
          "reminder":{"status":"NOT_SENT_RECENTLY","requestedAt":null,"sentAt":null,
           "failedAt":null,"previousReminderAt":"2027-04-01T10:05:00Z","reminded":[],
           "mails":[]}}]}]
      """;

  static final String REQUESTS =
      """
      [{"requestId":"np-0","cycleId":"c-run","partnershipId":"ps-0","participantId":"p-cem",
        "fullName":"Cem Kaya","quietMembers":[{"participantId":"p-dan","fullName":"Dan Li"}],
        "reportId":"r-0","status":"ACCEPTED","requestedAt":"2027-04-02T10:00:00Z",
        "decidedAt":"2027-04-03T10:00:00Z","decidedBy":"STAFF_ID","note":"agreed with Ana"},
       {"requestId":"np-1","cycleId":"c-run","partnershipId":"ps-1","participantId":"p-ana",
        "fullName":"Ana Pérez","quietMembers":[{"participantId":"p-ivan","fullName":"Ivan Petrov"}],
        "reportId":"r-1","status":"AWAITING_APPROVAL","requestedAt":"2027-04-08T11:00:00Z",
        "decidedAt":null,"decidedBy":null,"note":null}]
      """;

  static final String PARTNERSHIPS =
      """
      [{"id":"ps-1","cycleId":"c-run","members":["p-ana","p-ivan"],"score":600,"origin":"INITIAL",
        "status":"ACTIVE","formedAt":"2027-03-01T09:00:00Z","dissolvedAt":null,
        "dissolvedReason":null,"completedAt":null,
        "checkIn":{"answered":["p-ana","p-ivan"],"connected":true,"answers":[]},
        "reports":[],"quietFlags":[]},
       {"id":"ps-2","cycleId":"c-run","members":["p-bea","p-cem"],"score":500,"origin":"INITIAL",
        "status":"DISSOLVED","formedAt":"2027-03-01T09:00:00Z",
        "dissolvedAt":"2027-04-09T10:00:00Z","dissolvedReason":"QUIET","completedAt":null,
        "checkIn":{"answered":["p-bea"],"connected":false,"answers":[]},
        "reports":[],"quietFlags":[]},
       {"id":"ps-3","cycleId":"c-run","members":["p-dan","p-eve"],"score":550,"origin":"INITIAL",
        "status":"COMPLETED","formedAt":"2027-03-01T09:00:00Z","dissolvedAt":null,
        "dissolvedReason":null,"completedAt":"2027-06-27T12:00:00Z",
        "checkIn":{"answered":[],"connected":null,"answers":[]},"reports":[],"quietFlags":[]}]
      """;

  private List<AuditEntry> auditOf(TestAccounts.Account who) {
    return audit
        .search(new AuditQuery(who.email(), null, null, null, null, 0, AuditQuery.MAX_SIZE))
        .items();
  }

  /** The text of the element with this id (tags removed, entities decoded, spaces folded). */
  static String text(String html, String id) {
    Matcher m =
        Pattern.compile(
                "<(\\w+)[^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*>(.*?)</\\1>", Pattern.DOTALL)
            .matcher(html);
    assertThat(m.find()).as("an element #%s", id).isTrue();
    return HtmlUtils.htmlUnescape(m.group(2).replaceAll("<[^>]+>", ""))
        .replaceAll("\\s+", " ")
        .strip();
  }

  static String notice(String html) {
    Matcher m = Pattern.compile("class=\"notice\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("a notice on the page").isTrue();
    return HtmlUtils.htmlUnescape(m.group(1)).strip();
  }

  static String failure(String html) {
    Matcher m = Pattern.compile("class=\"failure\"[^>]*>(.*?)</p>", Pattern.DOTALL).matcher(html);
    assertThat(m.find()).as("a failure on the page").isTrue();
    return HtmlUtils.htmlUnescape(m.group(1)).strip();
  }

  static List<String> rows(String html, String attribute) {
    Matcher m = Pattern.compile(attribute + "=\"([^\"]+)\"").matcher(html);
    List<String> ids = new ArrayList<>();
    while (m.find()) {
      ids.add(m.group(1));
    }
    return ids;
  }

  static String key(String html) {
    Matcher m = KEY.matcher(html);
    assertThat(m.find()).as("the form's idempotency key").isTrue();
    return m.group(1);
  }
}
