package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.penpals.contracts.Topics;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.support.ApplicationFixture;
import org.penpals.registration.support.CycleFixture;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Every bad input gets a 4xx problem naming the offending field, and changes nothing: nothing
 * stored, nothing published.
 */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  RegistrationApi api;
  String cycleId;
  TopicReader participants;

  @BeforeAll
  void openCycle() {
    api = new RegistrationApi(port);
    cycleId = api.openCycle();
    participants = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS);
  }

  static Stream<Arguments> badApplications() {
    return Stream.of(
        bad("missing name", a -> a.without("fullName"), "fullName"),
        bad("blank name", a -> a.with("fullName", "   "), "fullName"),
        bad("name too long", a -> a.with("fullName", "x".repeat(101)), "fullName"),
        bad("name is a number", a -> a.with("fullName", 123), "fullName"),
        bad("name with control characters", a -> a.with("fullName", "Ma\u0000ria"), "fullName"),
        bad("missing email", a -> a.without("email"), "email"),
        bad("malformed email", a -> a.with("email", "not-an-email"), "email"),
        bad("unknown country", a -> a.with("countryCode", "XX"), "countryCode"),
        bad("lower-case country", a -> a.with("countryCode", "bg"), "countryCode"),
        bad("alpha-3 country", a -> a.with("countryCode", "BGR"), "countryCode"),
        bad("unknown sector", a -> a.with("sector", "LIBRARY"), "sector"),
        bad("negative experience", a -> a.with("yearsInProfession", -1), "yearsInProfession"),
        bad("experience as text", a -> a.with("yearsInProfession", "seven"), "yearsInProfession"),
        bad("experience as a fraction", a -> a.with("yearsInProfession", 7.5), "yearsInProfession"),
        bad("no languages", a -> a.with("languages", List.of()), "languages"),
        bad(
            "unknown language",
            a -> a.with("languages", List.of(Map.of("code", "xx", "correspondence", true))),
            "languages[0].code"),
        bad(
            "no language for correspondence",
            a -> a.with("languages", List.of(Map.of("code", "bg", "correspondence", false))),
            "languages"),
        bad("languages not an array", a -> a.with("languages", "en"), "languages"),
        bad("no interests", a -> a.with("interests", List.of()), "interests"),
        bad(
            "six interests",
            a ->
                a.with(
                    "interests",
                    List.of(
                        "advocacy",
                        "open-access",
                        "makerspaces",
                        "research-data",
                        "lis-education",
                        "rural-libraries")),
            "interests"),
        bad(
            "interest not in the taxonomy",
            a -> a.with("interests", List.of("knitting")),
            "interests[0]"),
        bad("unknown time zone", a -> a.with("timeZone", "Mars/Olympus_Mons"), "timeZone"),
        bad("hopes too long", a -> a.with("hopes", "h".repeat(1001)), "hopes"),
        bad(
            "avoiding one's own country",
            a -> a.with("preferences", Map.of("sector", "SAME", "avoidCountries", List.of("BG"))),
            "preferences.avoidCountries[0]"),
        bad("unsupported locale", a -> a.with("locale", "de"), "locale"),
        bad("returning as text", a -> a.with("returning", "yes"), "returning"),
        bad("no consent", a -> a.without("consent"), "consent"),
        bad(
            "privacy notice refused",
            a -> a.with("consent", Map.of("privacyNotice", false, "shareContactWithPartner", true)),
            "consent.privacyNotice"),
        bad(
            "contact sharing refused",
            a -> a.with("consent", Map.of("privacyNotice", true, "shareContactWithPartner", false)),
            "consent.shareContactWithPartner"));
  }

  static Arguments bad(String name, UnaryOperator<ApplicationFixture> change, String field) {
    return Arguments.of(name, change, field);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badApplications")
  void shouldAnswerABadApplicationWithAProblemNamingTheField(
      String name, UnaryOperator<ApplicationFixture> change, String field) {
    Api.Response response = api.apply(cycleId, change.apply(anApplication()));

    assertProblem(response, 400, field);
    assertNothingStored();
  }

  @Test
  void shouldAnswerMalformedJsonWithAProblem() {
    Api.Response response =
        api.raw()
            .post(
                RegistrationApi.BASE + "/cycles/" + cycleId + "/applications",
                "{\"fullName\": ",
                null);
    assertProblem(response, 400, "body");
    assertNothingStored();
  }

  @Test
  void shouldAnswerAJsonArrayInsteadOfAnObjectWithAProblem() {
    Api.Response response =
        api.raw()
            .post(RegistrationApi.BASE + "/cycles/" + cycleId + "/applications", "[1, 2]", null);
    assertProblem(response, 400, "body");
    assertNothingStored();
  }

  @Test
  void shouldRefuseAHugeBodyWith413() {
    String huge = anApplication().with("hopes", "h".repeat(200_000)).json();
    Api.Response response =
        api.raw().post(RegistrationApi.BASE + "/cycles/" + cycleId + "/applications", huge, null);
    assertProblem(response, 413, "body");
    assertNothingStored();
  }

  @Test
  void shouldRefuseAWrongContentTypeWith415() {
    Api.Response response =
        api.raw()
            .send(
                "POST",
                RegistrationApi.BASE + "/cycles/" + cycleId + "/applications",
                "fullName=Maria",
                "text/plain",
                null);
    assertThat(response.status()).isEqualTo(415);
    assertThat(response.isProblem()).as(response.toString()).isTrue();
    assertNothingStored();
  }

  @Test
  void shouldAnswerAnUnknownCycleWith404NamingTheCycle() {
    Api.Response response = api.apply("no-such-cycle", anApplication());
    assertProblem(response, 404, "cycleId");
  }

  @Test
  void shouldRefuseApplicationsToACycleThatIsNotOpen() {
    String coordinator = TestTokens.staff(Role.COORDINATOR);
    String draft =
        api.raw()
            .post(RegistrationApi.BASE + "/cycles", CycleFixture.aCycle().json(), coordinator)
            .json()
            .get("id")
            .asString();

    assertProblem(api.apply(draft, anApplication()), 409, "cycleId");
    assertThat(countFor(draft)).isZero();
  }

  @Test
  void shouldRefuseApplicationsBeforeTheWindowOpens() {
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    String later =
        api.openCycle(
            CycleFixture.aCycle()
                .with("registrationOpensAt", now.plus(2, ChronoUnit.DAYS).toString()));

    assertProblem(api.apply(later, anApplication()), 409, "cycleId");
    assertThat(countFor(later)).isZero();
  }

  @Test
  void shouldRefuseASecondApplicationWithTheSameEmail() {
    String cycle = api.openCycle();
    api.applied(cycle, anApplication().withEmail("twice@example.org"));

    Api.Response again = api.apply(cycle, anApplication().withEmail("TWICE@example.org"));

    assertProblem(again, 409, "email");
    assertThat(countFor(cycle)).isEqualTo(1);
  }

  @Test
  void shouldNameBadQueryParameters() {
    String viewer = TestTokens.staff(Role.VIEWER);
    String path = RegistrationApi.BASE + "/cycles/" + cycleId + "/applications";
    assertProblem(api.raw().get(path + "?country=Bulgaria", viewer), 400, "country");
    assertProblem(api.raw().get(path + "?size=100000", viewer), 400, "size");
    assertProblem(api.raw().get(path + "?page=minus-one", viewer), 400, "page");
    assertProblem(api.raw().get(path + "?sector=SPACE", viewer), 400, "sector");
  }

  @Test
  void shouldNameEveryBadCycleField() {
    String coordinator = TestTokens.staff(Role.COORDINATOR);
    Api.Response response =
        api.raw()
            .post(
                RegistrationApi.BASE + "/cycles",
                CycleFixture.aCycle()
                    .with("name", "")
                    .with("capacity", 1)
                    .with("promptLocalHour", 24)
                    .with("registrationClosesAt", "2020-01-01T00:00:00Z")
                    .json(),
                coordinator);
    assertProblem(response, 400, "name");
    List<String> fields = fields(response.json());
    assertThat(fields).contains("name", "capacity", "promptLocalHour", "registrationClosesAt");
  }

  @AfterAll
  void nothingPublished() {
    List<String> cycles =
        participants.drain(Duration.ofMillis(500)).stream()
            .map(r -> r.json().get("cycleId").asString())
            .toList();
    assertThat(cycles).doesNotContain(cycleId);
    participants.close();
  }

  private void assertNothingStored() {
    assertThat(countFor(cycleId)).isZero();
  }

  private long countFor(String cycle) {
    return database.getCollection("participants").countDocuments(Filters.eq("cycleId", cycle));
  }

  static void assertProblem(Api.Response response, int status, String field) {
    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.isProblem()).as(response.toString()).isTrue();
    JsonNode problem = response.json();
    assertThat(problem.get("status").asInt()).isEqualTo(status);
    assertThat(problem.get("type").asString()).startsWith("https://penpals.org/problems/");
    assertThat(fields(problem)).as(response.toString()).contains(field);
    assertThat(response.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  static List<String> fields(JsonNode problem) {
    JsonNode errors = problem.get("errors");
    if (errors == null) {
      return List.of();
    }
    return errors.valueStream().map(e -> e.get("field").asString()).toList();
  }
}
