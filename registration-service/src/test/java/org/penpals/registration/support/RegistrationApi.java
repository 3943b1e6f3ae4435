package org.penpals.registration.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.penpals.contracts.registration.ParticipantVerificationRequested;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;

/** The registration API as a test drives it. */
public final class RegistrationApi {
  public static final String BASE = "/api/registration";
  private final Api api;

  public RegistrationApi(int port) {
    this.api = new Api(port);
  }

  public Api raw() {
    return api;
  }

  /** Creates and opens a cycle; returns its id. */
  public String openCycle(CycleFixture cycle) {
    String coordinator = TestTokens.staff(Role.COORDINATOR);
    Api.Response created = api.post(BASE + "/cycles", cycle.json(), coordinator);
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    String id = created.json().get("id").asString();
    Api.Response opened = api.post(BASE + "/cycles/" + id + "/open", null, coordinator);
    assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    return id;
  }

  public String openCycle() {
    return openCycle(CycleFixture.aCycle());
  }

  public Api.Response apply(String cycleId, ApplicationFixture application) {
    return api.post(BASE + "/cycles/" + cycleId + "/applications", application.json(), null);
  }

  /** Applies and returns the new participant's id. */
  public String applied(String cycleId, ApplicationFixture application) {
    Api.Response response = apply(cycleId, application);
    assertThat(response.status()).as(response.toString()).isEqualTo(201);
    return response.json().get("id").asString();
  }

  /** The verification token the service published for {@code participantId} (what is mailed). */
  public static String verificationToken(TopicReader topic, String participantId) {
    return topic
        .await(
            TopicReader.event(RegistrationEvents.VERIFICATION_REQUESTED.type(), participantId), 1)
        .get(0)
        .as(ParticipantVerificationRequested.class)
        .token();
  }

  /** {@code POST /verifications} with a token, as the mailed link does. */
  public Api.Response verify(String token) {
    return api.post(BASE + "/verifications", "{\"token\":\"" + token + "\"}", null);
  }
}
