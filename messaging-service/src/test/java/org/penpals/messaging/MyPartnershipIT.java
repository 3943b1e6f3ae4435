package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.penpals.contracts.matching.PartnershipDissolved;
import org.penpals.contracts.registration.ParticipantWithdrawn;
import org.penpals.messaging.support.MessagingIntegrationTest;
import org.penpals.messaging.support.Upstream;
import org.penpals.messaging.support.Upstream.Person;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.TestTokens;
import tools.jackson.databind.JsonNode;

/** The partner card: a participant sees their own current partnership, and nobody else's. */
class MyPartnershipIT extends MessagingIntegrationTest {
  private static final String MINE = "/api/messaging/participants/me/partnership";
  private static final Duration WAIT = Duration.ofSeconds(30);

  private Api.Response mine(Person person) {
    return api.get(MINE, TestTokens.participant(person.id()));
  }

  private Person person(String cycle, String name, String country, String zone, String locale) {
    return upstream.register(cycle, name, country, "Library of " + name, zone, locale);
  }

  @Test
  void shouldShowEachParticipantOnlyTheirOwnPartnersCards() {
    // given a pair and a trio in the same cycle
    String cycle = Upstream.unique("cycle");
    Person ngozi = person(cycle, "Ngozi Okafor", "NG", "Africa/Lagos", "en");
    Person ines = person(cycle, "Inés Moreno", "AR", "America/Argentina/Buenos_Aires", "es");
    Person zoe = person(cycle, "Zoé Dupont", "FR", "Europe/Paris", "fr");
    Person aiko = person(cycle, "Aiko Tanaka", "JP", "Asia/Tokyo", "en");
    Person lars = person(cycle, "Lars Berg", "SE", "Europe/Stockholm", "en");
    awaitKnown(ngozi, ines, zoe, aiko, lars);
    String pair = upstream.formed(cycle, ngozi, ines);
    String trio = upstream.formed(cycle, zoe, aiko, lars);
    await().atMost(WAIT).until(() -> mine(ngozi).status() == 200 && mine(lars).status() == 200);

    // when each asks for their partnership
    JsonNode ofNgozi = mine(ngozi).json();
    JsonNode ofInes = mine(ines).json();
    JsonNode ofZoe = mine(zoe).json();

    // then they see their own partnership and partners, with the whole card
    assertThat(ofNgozi.get("partnershipId").asString()).isEqualTo(pair);
    assertThat(ofNgozi.get("cycleId").asString()).isEqualTo(cycle);
    assertThat(ofNgozi.get("status").asString()).isEqualTo("ACTIVE");
    assertThat(ofNgozi.get("partners")).hasSize(1);
    JsonNode card = ofNgozi.get("partners").get(0);
    assertThat(card.get("participantId").asString()).isEqualTo(ines.id());
    assertThat(card.get("name").asString()).isEqualTo("Inés Moreno");
    assertThat(card.get("country").asString()).isEqualTo("AR");
    assertThat(card.get("organisation").asString()).isEqualTo("Library of Inés Moreno");
    assertThat(card.get("email").asString()).isEqualTo(ines.email());
    assertThat(card.get("timeZone").asString()).isEqualTo("America/Argentina/Buenos_Aires");
    assertThat(card.get("language").asString()).isEqualTo("es");
    assertThat(ofInes.get("partners").get(0).get("participantId").asString()).isEqualTo(ngozi.id());
    // a trio has two partners
    assertThat(ofZoe.get("partnershipId").asString()).isEqualTo(trio);
    assertThat(ofZoe.get("partners"))
        .extracting(p -> p.get("participantId").asString())
        .containsExactlyInAnyOrder(aiko.id(), lars.id());
    // and nobody's answer mentions the other partnership or its people
    assertThat(mine(ngozi).body())
        .doesNotContain(trio)
        .doesNotContain(zoe.email())
        .doesNotContain(aiko.id())
        .doesNotContain(lars.email());
    assertThat(mine(zoe).body()).doesNotContain(pair).doesNotContain(ines.email());
  }

  @Test
  void shouldAnswer404BeforeMatchingAndOnceThePartnershipIsDissolved() {
    String cycle = Upstream.unique("cycle");
    Person first = person(cycle, "Maria Petrova", "BG", "Europe/Sofia", "en");
    Person second = person(cycle, "Kofi Mensah", "GH", "Africa/Accra", "en");
    awaitKnown(first, second);

    Api.Response before = mine(first);
    assertThat(before.status()).as(before.toString()).isEqualTo(404);
    assertThat(before.isProblem()).isTrue();
    assertThat(before.json().get("type").asString())
        .isEqualTo("https://penpals.org/problems/not-found");

    String partnership = upstream.formed(cycle, first, second);
    await().atMost(WAIT).until(() -> mine(first).status() == 200);
    upstream.send(
        new PartnershipDissolved(
            partnership,
            cycle,
            "WITHDRAWAL",
            List.of(second.id()),
            List.of(first.id()),
            Instant.now()));

    await().atMost(WAIT).until(() -> mine(first).status() == 404);
    assertThat(mine(second).status()).isEqualTo(404);
  }

  @Test
  void shouldShowACompletedPartnershipAsEndedWithItsCards() {
    // given a running pair
    String cycle = Upstream.unique("cycle");
    Person first = person(cycle, "Hana Kim", "KR", "Asia/Seoul", "en");
    Person second = person(cycle, "Omar Haddad", "JO", "Asia/Amman", "fr");
    awaitKnown(first, second);
    String partnership = upstream.formed(cycle, first, second);
    await().atMost(WAIT).until(() -> mine(first).status() == 200);
    assertThat(mine(first).json().get("status").asString()).isEqualTo("ACTIVE");
    assertThat(mine(first).json().get("completedAt").isNull()).isTrue();

    // when it completes with its cycle
    Instant before = Instant.now();
    upstream.completed(partnership, cycle, first, second);

    // then both still see it, as completed, with the partner's card
    await()
        .atMost(WAIT)
        .until(() -> "COMPLETED".equals(mine(first).json().get("status").asString()));
    JsonNode ofFirst = mine(first).json();
    assertThat(ofFirst.get("partnershipId").asString()).isEqualTo(partnership);
    assertThat(Instant.parse(ofFirst.get("completedAt").asString()))
        .isAfterOrEqualTo(before.minusSeconds(1));
    assertThat(ofFirst.get("partners").get(0).get("name").asString()).isEqualTo("Omar Haddad");
    assertThat(mine(second).json().get("status").asString()).isEqualTo("COMPLETED");
  }

  @Test
  void shouldShowTheNewPartnershipAfterARematch() {
    String cycle = Upstream.unique("cycle");
    Person stays = person(cycle, "Maria Petrova", "BG", "Europe/Sofia", "en");
    Person leaves = person(cycle, "Kofi Mensah", "GH", "Africa/Accra", "en");
    Person replacement = person(cycle, "Ana Silva", "PT", "Europe/Lisbon", "es");
    awaitKnown(stays, leaves, replacement);
    String first = upstream.formed(cycle, stays, leaves);
    await().atMost(WAIT).until(() -> mine(stays).status() == 200);
    upstream.send(new ParticipantWithdrawn(leaves.id(), cycle, 2, Instant.now(), null));
    upstream.send(
        new PartnershipDissolved(
            first, cycle, "WITHDRAWAL", List.of(leaves.id()), List.of(stays.id()), Instant.now()));
    String second = upstream.formed(cycle, stays, replacement);

    await()
        .atMost(WAIT)
        .until(
            () -> {
              Api.Response r = mine(stays);
              return r.status() == 200 && second.equals(r.json().get("partnershipId").asString());
            });
    assertThat(mine(stays).json().get("partners").get(0).get("participantId").asString())
        .isEqualTo(replacement.id());
    await().atMost(WAIT).until(() -> mine(leaves).status() == 404);
  }

  static Stream<Arguments> callers() {
    return Stream.of(
        Arguments.of("no token", null, 401),
        Arguments.of("expired participant-like token", TestTokens.expired(Role.PARTICIPANT), 401),
        Arguments.of("foreign key", TestTokens.signedByStranger(Role.PARTICIPANT), 401),
        Arguments.of("wrong issuer", TestTokens.wrongIssuer(Role.PARTICIPANT), 401),
        Arguments.of("admin", TestTokens.staff(Role.ADMIN), 403),
        Arguments.of("coordinator", TestTokens.staff(Role.COORDINATOR), 403),
        Arguments.of("viewer", TestTokens.staff(Role.VIEWER), 403));
  }

  @ParameterizedTest(name = "{0} → {2}")
  @MethodSource("callers")
  void shouldLetOnlyParticipantTokensIn(String caller, String token, int status) {
    Api.Response response = api.get(MINE, token);

    assertThat(response.status()).as(response.toString()).isEqualTo(status);
    assertThat(response.isProblem()).isTrue();
  }

  @Test
  void shouldRefuseOtherMethodsOnTheRoute() {
    Api.Response post = api.post(MINE, "{}", TestTokens.participant(Upstream.unique("p")));

    assertThat(post.status()).isIn(403, 405);
    assertThat(post.isProblem()).isTrue();
  }
}
