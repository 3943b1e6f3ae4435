package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.registration.ParticipantRegistered;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Importing applications from a form tool's CSV export: all rows or none. */
@PenpalsIntegrationTest
class ImportIT {
  /** Column names and values the way Google Forms exports them. */
  static final String HEADER =
      "Timestamp,Email address,Full name,Country of work,City,Library,Library sector,Job title,"
          + "Years in the profession,Languages for correspondence,Other languages,Areas of interest,"
          + "What do you hope to gain from the programme?,Time zone,Partner from the same sector,"
          + "Countries to avoid,Returning participant,Language for emails,"
          + "I agree to the privacy notice,I agree to share my contact details with my partner\n";

  static String row(String email, String name, String country, String languages) {
    return "2027/01/12 10:31:02 AM GMT+1,"
        + email
        + ","
        + name
        + ","
        + country
        + ",Lagos,Lagos State Library,Public libraries,"
        + "Librarian,4,\""
        + languages
        + "\",Yoruba,\"Advocacy; open-access\","
        + "\"Learn, share\",Africa/Lagos,No preference,,No,English,Yes,Yes\n";
  }

  @LocalServerPort int port;
  @Autowired MongoDatabase database;
  RegistrationApi api;
  String cycleId;
  final String coordinator = TestTokens.staff(Role.COORDINATOR);

  @BeforeEach
  void setUp() {
    api = new RegistrationApi(port);
    cycleId = api.openCycle();
  }

  private Api.Response upload(String csv, String query) {
    return api.raw()
        .send(
            "POST",
            RegistrationApi.BASE + "/cycles/" + cycleId + "/imports" + query,
            csv,
            "text/csv",
            coordinator);
  }

  private long stored() {
    return database.getCollection("participants").countDocuments(Filters.eq("cycleId", cycleId));
  }

  @Test
  void shouldImportEveryRowOfAValidExportAndPublishEachRegistration() {
    String csv =
        HEADER
            + row("ada@example.org", "Ada Obi", "Nigeria", "English")
            + row("ben@example.org", "Ben Uche", "NG", "en; French")
            + row("cy@example.org", "Cy Eze", "nigeria", "English, Igbo");
    try (TopicReader topic = TopicReader.fromNow(Topics.REGISTRATION_PARTICIPANTS)) {
      Api.Response response = upload(csv, "");

      assertThat(response.status()).as(response.toString()).isEqualTo(201);
      assertThat(response.json().get("imported").asInt()).isEqualTo(3);
      assertThat(stored()).isEqualTo(3);
      var events =
          topic.await(
              r ->
                  RegistrationEvents.PARTICIPANT_REGISTERED.type().equals(r.type())
                      && r.json().get("cycleId").asString().equals(cycleId),
              3);
      ParticipantRegistered ben =
          events.stream()
              .map(r -> r.as(ParticipantRegistered.class))
              .filter(e -> e.profile().email().equals("ben@example.org"))
              .findFirst()
              .orElseThrow();
      assertThat(ben.profile().countryCode()).isEqualTo("NG");
      assertThat(ben.profile().languages())
          .extracting(l -> l.code() + ":" + l.correspondence())
          .containsExactly("en:true", "fr:true", "yo:false");
      assertThat(ben.profile().interests()).containsExactly("advocacy", "open-access");
      assertThat(ben.profile().sector().name()).isEqualTo("PUBLIC");
    }
  }

  @Test
  void shouldRefuseTheWholeFileAndReportEveryBadRow() {
    String csv =
        HEADER
            + row("ok@example.org", "Okay Person", "Nigeria", "English")
            + row("not-an-email", "Bad Email", "Nigeria", "English")
            + row("atlantis@example.org", "Lost City", "Atlantis", "English")
            + row("ok@example.org", "Twice Person", "Nigeria", "Klingon");

    Api.Response response = upload(csv, "");

    assertThat(response.status()).as(response.toString()).isEqualTo(422);
    assertThat(response.isProblem()).isTrue();
    assertThat(response.json().get("rows").asInt()).isEqualTo(4);
    assertThat(BadInputIT.fields(response.json()))
        .contains("rows[3].email", "rows[4].countryCode", "rows[5].email", "rows[5].languages");
    assertThat(response.json().get("rejected").size()).isEqualTo(3);
    assertThat(stored()).isZero();
  }

  @Test
  void shouldOnlyValidateOnADryRun() {
    Api.Response response =
        upload(HEADER + row("dry@example.org", "Dry Run", "NG", "en"), "?dryRun=true");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.json().get("dryRun").asBoolean()).isTrue();
    assertThat(stored()).isZero();
  }

  @Test
  void shouldRefuseAFileWithoutTheRequiredColumns() {
    Api.Response response = upload("Name,Favourite colour\nAda,blue\n", "");

    assertThat(response.status()).isEqualTo(400);
    assertThat(BadInputIT.fields(response.json())).contains("header");
    assertThat(stored()).isZero();
  }

  @Test
  void shouldRefuseAnApplicantWhoAlreadyApplied() {
    api.applied(
        cycleId,
        org.penpals.registration.support.ApplicationFixture.anApplication()
            .withEmail("taken@example.org"));

    Api.Response response = upload(HEADER + row("taken@example.org", "Taken", "NG", "en"), "");

    assertThat(response.status()).isEqualTo(422);
    assertThat(BadInputIT.fields(response.json())).containsExactly("rows[2].email");
    assertThat(stored()).isEqualTo(1);
  }
}
