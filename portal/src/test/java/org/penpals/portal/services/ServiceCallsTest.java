package org.penpals.portal.services;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.portal.support.TestKeys;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.web.client.RestClient;

/**
 * The portal's HTTP clients against a stub service on a real socket: the participant token they
 * send, the problems they read, and what they do when the service is slow, failing or gone.
 */
class ServiceCallsTest {
  private HttpServer server;
  private final Map<String, Stub> stubs = new ConcurrentHashMap<>();
  private final List<Map<String, String>> seen = new CopyOnWriteArrayList<>();
  private final CountDownLatch never = new CountDownLatch(1);
  private CircuitBreakerRegistry breakers;
  private ServiceCalls calls;

  record Stub(int status, String body) {}

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/",
        exchange -> {
          String key = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
          seen.add(
              Map.of(
                  "request",
                  key,
                  "authorization",
                  String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")),
                  "forwarded",
                  String.valueOf(exchange.getRequestHeaders().getFirst("X-Forwarded-For")),
                  "body",
                  new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
          Stub stub = stubs.getOrDefault(key, new Stub(404, "{}"));
          if (stub.status() == 0) {
            try {
              never.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
          }
          byte[] bytes = stub.body().getBytes(StandardCharsets.UTF_8);
          exchange
              .getResponseHeaders()
              .add(
                  "Content-Type",
                  stub.status() >= 400 ? "application/problem+json" : "application/json");
          exchange.sendResponseHeaders(
              stub.status() == 0 ? 200 : stub.status(), bytes.length == 0 ? -1 : bytes.length);
          if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
          }
          exchange.close();
        });
    server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
    server.start();
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    breakers =
        CircuitBreakerRegistry.of(
            CircuitBreakerConfig.custom()
                .slidingWindowSize(4)
                .minimumNumberOfCalls(4)
                .failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofMinutes(1))
                .ignoreExceptions(ServiceProblem.class)
                .build());
    JdkClientHttpRequestFactory factory =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build());
    factory.setReadTimeout(Duration.ofMillis(500));
    ParticipantTokens tokens =
        new ParticipantTokens(TestKeys.KEYS, "penpals", Duration.ofMinutes(5), Clock.systemUTC());
    calls =
        new ServiceCalls(
            RestClient.builder().requestFactory(factory).build(),
            Map.of("registration", base, "matching", base, "prompts", base, "messaging", base),
            breakers,
            tokens);
  }

  @AfterEach
  void stop() {
    never.countDown();
    server.stop(0);
  }

  @Test
  void shouldCallWithAShortLivedParticipantToken() {
    // given a service that knows the participant
    stubs.put(
        "GET /api/registration/participants/me",
        new Stub(
            200,
            "{\"id\":\"p-1\",\"cycleId\":\"c-1\",\"status\":\"VERIFIED\",\"admission\":\"ADMITTED\",\"registeredAt\":\"2027-01-01T00:00:00Z\",\"unknownField\":1}"));

    // when the portal asks for the participant's application
    Registration.Me me = new HttpRegistration(calls).me("p-1");

    // then it sent an RS256 token for that participant only, valid for five minutes
    assertThat(me.status()).isEqualTo(Registration.ApplicationStatus.VERIFIED);
    String authorization = seen.get(0).get("authorization");
    assertThat(authorization).startsWith("Bearer ");
    Jwt jwt =
        NimbusJwtDecoder.withPublicKey((RSAPublicKey) TestKeys.KEYS.getPublic())
            .build()
            .decode(authorization.substring(7));
    assertThat(jwt.getHeaders()).containsEntry("alg", "RS256");
    assertThat(jwt.getSubject()).isEqualTo("p-1");
    assertThat(jwt.getClaimAsString("iss")).isEqualTo("penpals");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PARTICIPANT");
    assertThat(Duration.between(jwt.getIssuedAt(), jwt.getExpiresAt()))
        .isEqualTo(Duration.ofMinutes(5));
  }

  @Test
  void shouldCallPublicEndpointsWithoutAToken() {
    stubs.put("POST /api/registration/sign-in-links", new Stub(202, ""));

    new HttpRegistration(calls).requestSignInLink("a@example.org");

    assertThat(seen.get(0).get("authorization")).isEqualTo("null");
    assertThat(seen.get(0).get("body")).isEqualTo("{\"email\":\"a@example.org\"}");
  }

  @Test
  void shouldReadTheProblemsFieldErrors() {
    stubs.put(
        "POST /api/registration/cycles/c-1/applications",
        new Stub(
            400,
            "{\"type\":\"https://penpals.org/problems/invalid-input\",\"title\":\"Bad Request\",\"status\":400,"
                + "\"detail\":\"x\",\"errors\":[{\"field\":\"languages[0].code\",\"message\":\"must be ISO\"}]}"));

    assertThatThrownBy(() -> new HttpRegistration(calls).apply("c-1", Map.of()))
        .isInstanceOfSatisfying(
            ServiceProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(400);
              assertThat(p.type()).isEqualTo("invalid-input");
              assertThat(p.errors())
                  .containsExactly(
                      new ServiceProblem.FieldError("languages[0].code", "must be ISO"));
            });
  }

  @Test
  void shouldTellAUsedSignInLinkFromAnOutage() {
    stubs.put(
        "POST /api/registration/sign-in-links/redemptions",
        new Stub(410, "{\"type\":\"https://penpals.org/problems/gone\",\"status\":410}"));

    assertThatThrownBy(() -> new HttpRegistration(calls).redeemSignInLink("t"))
        .isInstanceOfSatisfying(ServiceProblem.class, p -> assertThat(p.status()).isEqualTo(410));
  }

  @Test
  void shouldTreatNotMatchedYetAsNoPartnership() {
    stubs.put(
        "GET /api/messaging/participants/me/partnership",
        new Stub(404, "{\"type\":\"https://penpals.org/problems/not-found\",\"status\":404}"));

    assertThat(new HttpMessaging(calls).partnership("p-1")).isEmpty();
  }

  @Test
  void shouldGiveUpOnASlowServiceAndOpenTheBreakerAfterFailures() {
    // given a service that never answers
    stubs.put("GET /api/prompts/participants/me/prompts", new Stub(0, ""));
    HttpPrompts prompts = new HttpPrompts(calls);

    // when the portal keeps asking
    for (int i = 0; i < 4; i++) {
      assertThatThrownBy(() -> prompts.mine("p-1")).isInstanceOf(ServiceUnavailable.class);
    }

    // then the breaker opens and the next call fails at once, without reaching the service
    int before = seen.size();
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    try {
      prompts.mine("p-1");
    } catch (ServiceUnavailable e) {
      thrown.set(e);
    }
    assertThat(thrown.get()).hasMessageContaining("circuit breaker open");
    assertThat(seen).hasSize(before);
  }

  @Test
  void shouldCallA5xxUnavailable() {
    stubs.put("GET /api/registration/cycles/open", new Stub(503, "{}"));

    assertThatThrownBy(() -> new HttpRegistration(calls).openCycles())
        .isInstanceOf(ServiceUnavailable.class)
        .hasMessageContaining("503");
  }

  @Test
  void shouldCallAStoppedServiceUnavailable() {
    server.stop(0);

    assertThatThrownBy(() -> new HttpRegistration(calls).openCycles())
        .isInstanceOf(ServiceUnavailable.class);
  }

  @Test
  void shouldReadWhereMyApplicationStandsAndItsCycle() {
    stubs.put(
        "GET /api/registration/participants/me",
        new Stub(
            200,
            """
            {"id":"p-1","cycleId":"c-1","status":"VERIFIED","admission":"ADMITTED",
             "admissionReason":null,"admittedAt":"2027-02-01T10:00:00Z","admissionRoute":"FREED_PLACE",
             "waitlistPosition":null,"registeredAt":"2027-01-01T00:00:00Z",
             "cycle":{"id":"c-1","name":"Spring 2027","status":"RUNNING",
                      "partnershipStartsOn":"2027-03-01","lastWeekEndsOn":"2027-06-27"}}
            """));

    Registration.Me me = new HttpRegistration(calls).me("p-1");

    assertThat(me.admission()).isEqualTo(Registration.Admission.ADMITTED);
    assertThat(me.admittedAt()).isEqualTo(Instant.parse("2027-02-01T10:00:00Z"));
    assertThat(me.admissionRoute()).isEqualTo(Registration.AdmissionRoute.FREED_PLACE);
    assertThat(me.waitlistPosition()).isNull();
    assertThat(me.cycle())
        .isEqualTo(
            new Registration.Cycle(
                "c-1",
                "Spring 2027",
                Registration.CycleStatus.RUNNING,
                LocalDate.of(2027, 3, 1),
                LocalDate.of(2027, 6, 27)));
  }

  @Test
  void shouldReadAStatusItDoesNotKnowYetAsUnknown() {
    stubs.put(
        "GET /api/registration/participants/me",
        new Stub(
            200,
            """
            {"id":"p-1","cycleId":"c-1","status":"SUSPENDED","admission":"ADMITTED",
             "registeredAt":"2027-01-01T00:00:00Z",
             "cycle":{"id":"c-1","name":"Spring 2027","status":"PAUSED"}}
            """));
    stubs.put(
        "GET /api/messaging/participants/me/notices",
        new Stub(
            200,
            """
            [{"id":"n-1","kind":"POSTCARD","subject":"Hi","text":"a new kind",
              "at":"2027-01-01T00:00:00Z"}]
            """));

    Registration.Me me = new HttpRegistration(calls).me("p-1");
    List<Messaging.Notice> notices = new HttpMessaging(calls).notices("p-1");

    assertThat(me.status()).isEqualTo(Registration.ApplicationStatus.UNKNOWN);
    assertThat(me.cycle().status()).isEqualTo(Registration.CycleStatus.UNKNOWN);
    assertThat(notices)
        .extracting(Messaging.Notice::kind)
        .containsExactly(Messaging.NoticeKind.UNKNOWN);
  }

  @Test
  void shouldReadMyNoticesNewestFirstAsTheServiceSendsThem() {
    stubs.put(
        "GET /api/messaging/participants/me/notices",
        new Stub(
            200,
            """
            [{"id":"reminder:pp-1:p-1","kind":"REMINDER","subject":"Your partner would like to hear from you",
              "text":"Line one\\nLine two <b>","at":"2027-04-02T09:00:00Z"},
             {"id":"admitted:c-1:p-1","kind":"ADMITTED","subject":"Good news","text":"You have a place",
              "at":"2027-02-01T10:00:00Z"}]
            """));

    List<Messaging.Notice> notices = new HttpMessaging(calls).notices("p-1");

    assertThat(notices)
        .extracting(Messaging.Notice::kind)
        .containsExactly(Messaging.NoticeKind.REMINDER, Messaging.NoticeKind.ADMITTED);
    assertThat(notices.get(0).text()).isEqualTo("Line one\nLine two <b>");
    assertThat(seen.get(0).get("authorization")).startsWith("Bearer ");
  }

  @Test
  void shouldReadTheCompletedPartnershipCard() {
    stubs.put(
        "GET /api/messaging/participants/me/partnership",
        new Stub(
            200,
            """
            {"partnershipId":"pp-1","cycleId":"c-1","status":"COMPLETED",
             "completedAt":"2027-06-28T12:00:00Z","partners":[]}
            """));

    Messaging.Partnership p = new HttpMessaging(calls).partnership("p-1").orElseThrow();

    assertThat(p.completed()).isTrue();
    assertThat(p.completedAt()).isEqualTo(Instant.parse("2027-06-28T12:00:00Z"));
  }

  @Test
  void shouldReadMyReportAndItsReminderOrNoneOn404() {
    stubs.put(
        "GET /api/prompts/participants/me/report-quiet",
        new Stub(
            200,
            """
            {"reportId":"r-1","status":"OPEN","reportedAt":"2027-04-01T09:00:00Z",
             "checkAt":"2027-04-08T09:00:00Z","answerBy":"2027-04-08T09:00:00Z",
             "reminder":{"status":"NOT_SENT_RECENTLY","requestedAt":null,"sentAt":null,
                         "failedAt":null,"previousReminderAt":"2027-03-29T08:00:00Z"}}
            """));
    HttpPrompts prompts = new HttpPrompts(calls);

    Prompts.Report report = prompts.myReport("p-1").orElseThrow();

    assertThat(report.status()).isEqualTo(Prompts.ReportStatus.OPEN);
    assertThat(report.answerBy()).isEqualTo(Instant.parse("2027-04-08T09:00:00Z"));
    assertThat(report.reminder().status()).isEqualTo(Prompts.ReminderStatus.NOT_SENT_RECENTLY);
    assertThat(report.reminder().previousReminderAt())
        .isEqualTo(Instant.parse("2027-03-29T08:00:00Z"));
    assertThat(report.reminder().requestedAt()).isNull();

    stubs.put(
        "GET /api/prompts/participants/me/report-quiet",
        new Stub(404, "{\"type\":\"https://penpals.org/problems/not-found\",\"status\":404}"));
    assertThat(prompts.myReport("p-1")).isEmpty();
  }

  @Test
  void shouldAskMatchingForANewPartnerWithTheParticipantsToken() {
    // given matching, which accepts the request
    stubs.put(
        "POST /api/matching/participants/me/new-partner",
        new Stub(
            201,
            """
            {"requestId":"np-1","status":"ACCEPTED","requestedAt":"2027-04-09T10:00:00Z",
             "decidedAt":"2027-04-09T10:00:00Z","note":null}
            """));

    // when the portal asks for the participant
    Matching.NewPartnerRequest request = new HttpMatching(calls).askForNewPartner("p-7");

    // then it went to matching as that participant, with no body, and the answer was read
    assertThat(request.status()).isEqualTo(Matching.RequestStatus.ACCEPTED);
    assertThat(seen.get(0).get("request"))
        .isEqualTo("POST /api/matching/participants/me/new-partner");
    assertThat(seen.get(0).get("body")).isEmpty();
    Jwt jwt =
        NimbusJwtDecoder.withPublicKey((RSAPublicKey) TestKeys.KEYS.getPublic())
            .build()
            .decode(seen.get(0).get("authorization").substring(7));
    assertThat(jwt.getSubject()).isEqualTo("p-7");
    assertThat(jwt.getClaimAsStringList("roles")).containsExactly("PARTICIPANT");
  }

  @Test
  void shouldPassOnMatchingsReasonForRefusingAndReadNoRequestAsEmpty() {
    stubs.put(
        "POST /api/matching/participants/me/new-partner",
        new Stub(
            409,
            "{\"type\":\"https://penpals.org/problems/state-conflict\",\"status\":409,"
                + "\"detail\":\"we reminded your partner; you may ask for a new partner after"
                + " 2027-04-08T09:00:00Z if nobody has answered by then\","
                + "\"errors\":[{\"field\":\"partnership\",\"message\":\"too early\"}]}"));
    stubs.put(
        "GET /api/matching/participants/me/new-partner",
        new Stub(404, "{\"type\":\"https://penpals.org/problems/not-found\",\"status\":404}"));
    HttpMatching matching = new HttpMatching(calls);

    assertThatThrownBy(() -> matching.askForNewPartner("p-1"))
        .isInstanceOfSatisfying(
            ServiceProblem.class,
            p -> {
              assertThat(p.status()).isEqualTo(409);
              assertThat(p.detail()).startsWith("we reminded your partner; you may ask");
            });
    assertThat(matching.newPartnerRequest("p-1")).isEmpty();
  }

  @Test
  void shouldReuseATokenForAFewMinutesAndMintAnotherForAnotherParticipant() {
    ParticipantTokens tokens =
        new ParticipantTokens(TestKeys.KEYS, "penpals", Duration.ofMinutes(5), Clock.systemUTC());

    assertThat(tokens.forParticipant("p-1")).isEqualTo(tokens.forParticipant("p-1"));
    assertThat(tokens.forParticipant("p-1")).isNotEqualTo(tokens.forParticipant("p-2"));
  }

  @Test
  void shouldReadThePrivateKeyPemAndDeriveItsPublicHalf() {
    var keys = ParticipantTokens.keyPair(TestKeys.PRIVATE_PEM);

    assertThat(keys.getPublic()).isEqualTo(TestKeys.KEYS.getPublic());
  }
}
