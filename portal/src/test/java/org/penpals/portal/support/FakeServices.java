package org.penpals.portal.support;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jspecify.annotations.Nullable;
import org.penpals.portal.services.Matching;
import org.penpals.portal.services.Messaging;
import org.penpals.portal.services.Prompts;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.ServiceProblem;
import org.penpals.portal.services.ServiceUnavailable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * In-memory stand-ins for the four services, for the portal's web tests only (the browser tests in
 * deploy/local/stack-test run against the real services). Each test resets and arranges them.
 */
public class FakeServices implements Registration, Prompts, Messaging, Matching {
  public static final String ALICE = "p-alice";
  public static final String BORIS = "p-boris";
  public static final String CARLA = "p-carla";
  public static final String PARTNERSHIP = "pp-alice-boris";
  public static final String OTHER_PARTNERSHIP = "pp-carla-dan";

  public final List<OpenCycle> cycles = new ArrayList<>();
  public final Map<String, SignedIn> links = new HashMap<>();
  public final Map<String, Me> applications = new HashMap<>();
  public final Map<String, Partnership> partnerships = new HashMap<>();
  public final Map<String, List<Message>> threads = new HashMap<>();
  public final Map<String, View> prompts = new HashMap<>();
  public final List<String> signInRequests = new CopyOnWriteArrayList<>();
  public final List<Map<String, Object>> applied = new CopyOnWriteArrayList<>();
  public final List<String> posts = new CopyOnWriteArrayList<>();
  public final List<String> answers = new CopyOnWriteArrayList<>();
  public final Map<String, List<Notice>> notices = new HashMap<>();
  public final Map<String, Report> reports = new HashMap<>();
  public final List<String> reported = new CopyOnWriteArrayList<>();
  public final Map<String, NewPartnerRequest> newPartnerRequests = new HashMap<>();
  public final List<String> newPartnerAsks = new CopyOnWriteArrayList<>();

  /** What matching answers to "ask for a new partner": a problem, or a request in this status. */
  public @Nullable ServiceProblem newPartnerProblem;

  public RequestStatus newPartnerOutcome = RequestStatus.AWAITING_APPROVAL;
  public @Nullable ServiceProblem applyProblem;
  public String applyAdmission = "ADMITTED";
  public @Nullable String down;

  public void reset() {
    cycles.clear();
    links.clear();
    applications.clear();
    partnerships.clear();
    threads.clear();
    prompts.clear();
    signInRequests.clear();
    applied.clear();
    posts.clear();
    answers.clear();
    notices.clear();
    reports.clear();
    reported.clear();
    newPartnerRequests.clear();
    newPartnerAsks.clear();
    newPartnerProblem = null;
    newPartnerOutcome = RequestStatus.AWAITING_APPROVAL;
    applyProblem = null;
    applyAdmission = "ADMITTED";
    down = null;
    Instant now = Instant.now();
    cycles.add(
        new OpenCycle(
            "c-1",
            "Spring 2027",
            now.minusSeconds(86_400),
            now.plusSeconds(30 * 86_400L),
            LocalDate.now().plusDays(40),
            17));
    links.put("alice-link", new SignedIn(ALICE, "c-1", "en", "Alice Martin"));
    links.put("carla-link", new SignedIn(CARLA, "c-1", "fr", "Carla Dupont"));
    applications.put(ALICE, me(ALICE, "Alice Martin", "alice@example.org", "GB", "Europe/London"));
    applications.put(CARLA, me(CARLA, "Carla Dupont", "carla@example.org", "FR", "Europe/Paris"));
    partnerships.put(
        ALICE,
        new Partnership(
            PARTNERSHIP,
            "c-1",
            Messaging.PartnershipStatus.ACTIVE,
            null,
            List.of(
                new Partner(
                    BORIS,
                    "Boris Ivanov",
                    "BG",
                    "Ivan Vazov Public Library",
                    "boris@example.org",
                    "Europe/Sofia",
                    "bg"))));
    threads.put(PARTNERSHIP, new CopyOnWriteArrayList<>());
    threads.put(
        OTHER_PARTNERSHIP,
        new CopyOnWriteArrayList<>(
            List.of(new Message("m-secret", CARLA, "a secret between Carla and Dan", now))));
    Received week1 =
        new Received(
            1,
            1,
            "PROMPT",
            "Introduce yourselves",
            "Tell each other about your library.",
            now,
            now,
            false,
            false,
            false);
    Received checkIn =
        new Received(
            3,
            3,
            "CHECK_IN",
            "Have you connected?",
            "Tell us if you are in touch.",
            now,
            now,
            false,
            true,
            false);
    prompts.put(
        ALICE,
        new View(
            PARTNERSHIP,
            "c-1",
            "ACTIVE",
            Prompts.PartnershipStatus.ACTIVE,
            "en",
            1,
            17,
            checkIn,
            List.of(week1),
            4,
            now.plusSeconds(7 * 86_400L)));
  }

  public static Me me(String id, String name, String email, String country, String zone) {
    return new Me(
        id,
        "c-1",
        ApplicationStatus.VERIFIED,
        Admission.ADMITTED,
        null,
        null,
        null,
        null,
        Instant.now(),
        Instant.now(),
        null,
        new Profile(
            name,
            email,
            country,
            "London",
            "A library",
            "PUBLIC",
            "Librarian",
            5,
            List.of(new Language("en", true)),
            List.of("open-access"),
            "",
            zone,
            new Preferences("NO_PREFERENCE", List.of()),
            false,
            "en"),
        new Cycle(
            "c-1",
            "Spring 2027",
            CycleStatus.REGISTRATION_OPEN,
            LocalDate.of(2027, 3, 1),
            LocalDate.of(2027, 6, 27)));
  }

  /** Changes a participant's application (registration's answer to {@code me}). */
  public void application(
      String participantId, java.util.function.UnaryOperator<ApplicationFixture> change) {
    applications.put(
        participantId,
        change.apply(ApplicationFixture.anApplication(applications.get(participantId))).build());
  }

  /** Messaging has no partnership for the participant (none yet, or dissolved). */
  public void noPartnership(String participantId) {
    partnerships.remove(participantId);
  }

  /** The participant's partnership ran to the end of its cycle. */
  public void completed(String participantId, Instant at) {
    Partnership p = partnerships.get(participantId);
    partnerships.put(
        participantId,
        new Partnership(
            p.partnershipId(),
            p.cycleId(),
            Messaging.PartnershipStatus.COMPLETED,
            at,
            p.partners()));
  }

  /** The participant's latest report of silence, as prompt-service answers it. */
  public void report(
      String participantId, ReportStatus status, @Nullable Reminder reminder, Instant answerBy) {
    reports.put(
        participantId,
        new Report(
            "r-" + participantId,
            status,
            answerBy.minusSeconds(7 * 86_400L),
            answerBy,
            answerBy,
            reminder));
  }

  /** The participant's latest request for a new partner, as matching answers it. */
  public void newPartnerRequest(
      String participantId, RequestStatus status, Instant at, @Nullable String note) {
    newPartnerRequests.put(
        participantId,
        new NewPartnerRequest(
            "np-" + participantId,
            status,
            at,
            status == RequestStatus.AWAITING_APPROVAL ? null : at,
            note));
  }

  /** Adds a notice messaging made for the participant (kept newest first, as messaging answers). */
  public void notice(
      String participantId, NoticeKind kind, String subject, String text, Instant at) {
    List<Notice> mine = notices.computeIfAbsent(participantId, k -> new ArrayList<>());
    mine.add(
        new Notice(
            kind.name().toLowerCase() + ":" + participantId + ":" + at, kind, subject, text, at));
    mine.sort((a, b) -> b.at().compareTo(a.at()));
  }

  private void maybeDown(String service) {
    if (service.equals(down)) {
      throw new ServiceUnavailable(service, "down (test)");
    }
  }

  // ------------------------------------------------------------------ registration

  @Override
  public List<OpenCycle> openCycles() {
    maybeDown("registration");
    return List.copyOf(cycles);
  }

  @Override
  public Taxonomy taxonomy() {
    maybeDown("registration");
    return new Taxonomy(
        List.of(new Option("PUBLIC", "Public libraries"), new Option("ACADEMIC", "Academic")),
        List.of(
            new Option("open-access", "Open access"),
            new Option("digital-literacy", "Digital literacy"),
            new Option("advocacy", "Advocacy")),
        List.of("SAME", "DIFFERENT", "NO_PREFERENCE"),
        List.of("en", "es", "fr"));
  }

  @Override
  public Applied apply(String cycleId, Map<String, Object> application) {
    maybeDown("registration");
    if (applyProblem != null) {
      throw applyProblem;
    }
    applied.add(application);
    return new Applied("p-new", cycleId, "PENDING_VERIFICATION", applyAdmission);
  }

  @Override
  public String verify(String token) {
    maybeDown("registration");
    if (!token.equals("good-verification")) {
      throw new ServiceProblem(400, "invalid-input", "token is invalid", List.of());
    }
    return "VERIFIED";
  }

  @Override
  public void resendVerification(String cycleId, String email) {}

  @Override
  public void requestSignInLink(String email) {
    maybeDown("registration");
    signInRequests.add(email);
  }

  @Override
  public SignedIn redeemSignInLink(String token) {
    maybeDown("registration");
    SignedIn signedIn = links.remove(token);
    if (signedIn == null) {
      throw new ServiceProblem(410, "gone", "used or expired", List.of());
    }
    return signedIn;
  }

  @Override
  public Me me(String participantId) {
    maybeDown("registration");
    Me me = applications.get(participantId);
    if (me == null) {
      throw new ServiceProblem(404, "not-found", "no application", List.of());
    }
    return me;
  }

  @Override
  public Me update(String participantId, Map<String, Object> profile) {
    return me(participantId);
  }

  @Override
  public Me withdraw(String participantId, @Nullable String reason) {
    return me(participantId);
  }

  @Override
  public JsonNode export(String participantId) {
    return JsonNodeFactory.instance.objectNode().put("participant", participantId);
  }

  @Override
  public void erase(String participantId) {
    applications.remove(participantId);
  }

  // ------------------------------------------------------------------ prompts

  @Override
  public Optional<View> mine(String participantId) {
    maybeDown("prompts");
    return Optional.ofNullable(prompts.get(participantId));
  }

  @Override
  public void answer(
      String participantId,
      int number,
      @Nullable Boolean connected,
      @Nullable Integer rating,
      @Nullable String comments) {
    answers.add(participantId + "|" + number + "|" + connected + "|" + rating);
  }

  /** As prompt-service: an open report is answered again; a new one asks for a reminder. */
  @Override
  public Report reportQuiet(String participantId, @Nullable String note) {
    maybeDown("prompts");
    reported.add(participantId + "|" + note);
    Report open = reports.get(participantId);
    if (open != null && open.status() == ReportStatus.OPEN) {
      return open;
    }
    Instant now = Instant.now();
    Report report =
        new Report(
            "r-" + reported.size(),
            ReportStatus.OPEN,
            now,
            now.plusSeconds(7 * 86_400L),
            now.plusSeconds(7 * 86_400L),
            new Reminder(ReminderStatus.QUEUED, now, null, null, null));
    reports.put(participantId, report);
    return report;
  }

  @Override
  public Optional<Report> myReport(String participantId) {
    maybeDown("prompts");
    return Optional.ofNullable(reports.get(participantId));
  }

  // ------------------------------------------------------------------ messaging

  @Override
  public Optional<Partnership> partnership(String participantId) {
    maybeDown("messaging");
    return Optional.ofNullable(partnerships.get(participantId));
  }

  @Override
  public List<Message> messages(String participantId, String partnershipId) {
    maybeDown("messaging");
    Partnership mine = partnerships.get(participantId);
    if (mine == null || !mine.partnershipId().equals(partnershipId)) {
      throw new ServiceProblem(404, "not-found", "no such thread", List.of());
    }
    return List.copyOf(threads.get(partnershipId));
  }

  @Override
  public Message post(String participantId, String partnershipId, String text) {
    maybeDown("messaging");
    Partnership mine = partnerships.get(participantId);
    if (mine == null || !mine.partnershipId().equals(partnershipId)) {
      throw new ServiceProblem(404, "not-found", "no such thread", List.of());
    }
    posts.add(partnershipId + "|" + text);
    Message m = new Message("m-" + posts.size(), participantId, text, Instant.now());
    threads.get(partnershipId).add(m);
    return m;
  }

  @Override
  public List<Notice> notices(String participantId) {
    maybeDown("messaging");
    return List.copyOf(notices.getOrDefault(participantId, List.of()));
  }

  @Override
  public JsonNode threads(String participantId) {
    return JsonNodeFactory.instance.arrayNode();
  }

  // ------------------------------------------------------------------ matching

  @Override
  public NewPartnerRequest askForNewPartner(String participantId) {
    maybeDown("matching");
    newPartnerAsks.add(participantId);
    if (newPartnerProblem != null) {
      throw newPartnerProblem;
    }
    NewPartnerRequest existing = newPartnerRequests.get(participantId);
    if (existing != null) {
      return existing;
    }
    Instant now = Instant.now();
    NewPartnerRequest request =
        new NewPartnerRequest(
            "np-" + newPartnerAsks.size(),
            newPartnerOutcome,
            now,
            newPartnerOutcome == RequestStatus.AWAITING_APPROVAL ? null : now,
            null);
    newPartnerRequests.put(participantId, request);
    return request;
  }

  @Override
  public Optional<NewPartnerRequest> newPartnerRequest(String participantId) {
    maybeDown("matching");
    return Optional.ofNullable(newPartnerRequests.get(participantId));
  }
}
