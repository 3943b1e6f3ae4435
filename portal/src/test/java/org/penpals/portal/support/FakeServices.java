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
import org.penpals.portal.services.Messaging;
import org.penpals.portal.services.Prompts;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.ServiceProblem;
import org.penpals.portal.services.ServiceUnavailable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * In-memory stand-ins for the three services, for the portal's web tests only (the browser tests in
 * deploy/local/stack-test run against the real services). Each test resets and arranges them.
 */
public class FakeServices implements Registration, Prompts, Messaging {
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
  public @Nullable ServiceProblem applyProblem;
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
    applyProblem = null;
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
            "ACTIVE",
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
        "VERIFIED",
        "ADMITTED",
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
            "en"));
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
    return new Applied("p-new", cycleId, "PENDING_VERIFICATION", "ADMITTED");
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

  @Override
  public Report reportQuiet(String participantId, @Nullable String note) {
    Instant now = Instant.now();
    return new Report("r-1", "OPEN", now, now.plusSeconds(7 * 86_400L));
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
  public JsonNode threads(String participantId) {
    return JsonNodeFactory.instance.arrayNode();
  }
}
