package org.penpals.matching.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.matching.support.Registrations.profile;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.penpals.contracts.Topics;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.matching.PartnershipFormed;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.platform.testkit.TopicReader;
import tools.jackson.databind.JsonNode;

/** The staff API of one matching-service instance, with the steps tests repeat. */
public final class MatchingApi {
  public static final String[] COUNTRIES = {"BG", "US", "AU", "GB", "KE", "IN", "BR", "FR"};
  public static final String[] ZONES = {
    "Europe/Sofia", "America/Chicago", "Australia/Sydney", "Europe/London",
    "Africa/Nairobi", "Asia/Kolkata", "America/Sao_Paulo", "Europe/Paris"
  };

  public final Api api;
  public final String coordinator = TestTokens.staff(Role.COORDINATOR);

  public MatchingApi(int port) {
    this.api = new Api(port);
  }

  /** A cycle matched and published, and the partnerships it formed. */
  public record Published(String cycleId, String runId, List<PartnershipFormed> formed) {}

  /** n verified participants from n different countries (cycling through eight). */
  public static List<String> cohort(Registrations registrations, String cycleId, int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(registrations.verified(cycleId, profile(COUNTRIES[i % 8], ZONES[i % 8], "en")));
    }
    return ids;
  }

  /**
   * A closed cycle with these settings and a cohort of n, matched and published; returns once every
   * partnership was formed on the topic.
   */
  public Published publishedCycle(Registrations registrations, int n, String settings) {
    String cycleId = registrations.closedCycle();
    settings(cycleId, settings);
    cohort(registrations, cycleId, n);
    awaitMatchable(cycleId, n);
    JsonNode run = runToCompletion(cycleId, "{}");
    String runId = run.get("id").asString();
    try (TopicReader partnerships = TopicReader.fromNow(Topics.MATCHING_PARTNERSHIPS)) {
      Api.Response published =
          api.post("/api/matching/runs/" + runId + "/publish", null, coordinator);
      assertThat(published.status()).as(published.toString()).isEqualTo(200);
      int count = published.json().get("partnerships").asInt();
      List<PartnershipFormed> formed =
          partnerships
              .await(
                  r ->
                      MatchingEvents.PARTNERSHIP_FORMED.type().equals(r.type())
                          && cycleId.equals(r.as(PartnershipFormed.class).cycleId()),
                  count,
                  Duration.ofSeconds(60))
              .stream()
              .map(r -> r.as(PartnershipFormed.class))
              .toList();
      return new Published(cycleId, runId, formed);
    }
  }

  public void settings(String cycleId, String json) {
    Api.Response put = api.put("/api/matching/cycles/" + cycleId + "/settings", json, coordinator);
    assertThat(put.status()).as(put.toString()).isEqualTo(200);
  }

  public void awaitMatchable(String cycleId, int count) {
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              Api.Response pool = api.get("/api/matching/cycles/" + cycleId + "/pool", coordinator);
              return pool.status() == 200 && pool.json().get("matchable").asInt() == count;
            });
  }

  public JsonNode pool(String cycleId) {
    return api.get("/api/matching/cycles/" + cycleId + "/pool", coordinator).json();
  }

  public JsonNode runToCompletion(String cycleId, String body) {
    Api.Response started = api.post("/api/matching/cycles/" + cycleId + "/runs", body, coordinator);
    assertThat(started.status()).as(started.toString()).isEqualTo(202);
    String runId = started.json().get("id").asString();
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !"RUNNING".equals(run(runId).get("status").asString()));
    JsonNode run = run(runId);
    assertThat(run.get("status").asString()).as(run.toString()).isEqualTo("COMPLETED");
    return run;
  }

  public JsonNode run(String runId) {
    return api.get("/api/matching/runs/" + runId, coordinator).json();
  }

  public JsonNode runs(String cycleId) {
    return api.get("/api/matching/cycles/" + cycleId + "/runs", coordinator).json();
  }

  /** The cycle's partnerships as staff see them. */
  public JsonNode partnerships(String cycleId) {
    Api.Response list = api.get("/api/matching/cycles/" + cycleId + "/partnerships", coordinator);
    assertThat(list.status()).as(list.toString()).isEqualTo(200);
    return list.json();
  }

  public JsonNode partnership(String cycleId, String partnershipId) {
    for (JsonNode p : partnerships(cycleId)) {
      if (partnershipId.equals(p.get("id").asString())) {
        return p;
      }
    }
    throw new AssertionError("no partnership " + partnershipId + " in " + cycleId);
  }

  /** Where a member of the cycle stands, from the staff's waiting list (null if not waiting). */
  public String waitingPlacement(String cycleId, String participantId) {
    for (JsonNode row :
        api.get("/api/matching/cycles/" + cycleId + "/waiting", coordinator).json()) {
      if (participantId.equals(row.get("participantId").asString())) {
        return row.get("placement").asString();
      }
    }
    return null;
  }
}
