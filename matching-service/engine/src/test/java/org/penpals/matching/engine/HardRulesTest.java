package org.penpals.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.matching.engine.CandidateFixture.aCandidate;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HardRulesTest {
  private final HardRules none = new HardRules(Rules.NONE);

  @Test
  void shouldAllowColleaguesFromDifferentCountriesWhoShareALanguage() {
    assertThat(none.allows(aCandidate().from("BG").build(), aCandidate().from("KE").build()))
        .isTrue();
  }

  @Test
  void shouldRejectPartnersFromTheSameCountry() {
    assertThat(none.violations(aCandidate().from("BG").build(), aCandidate().from("BG").build()))
        .containsExactly("both work in BG");
  }

  @Test
  void shouldRejectPartnersWithoutASharedCorrespondenceLanguage() {
    assertThat(
            none.allows(
                aCandidate().from("MX").writing("es").build(),
                aCandidate().from("FR").writing("fr", "en").build()))
        .isFalse();
  }

  @Test
  void shouldRespectEachSidesCountriesToAvoid() {
    Candidate a = aCandidate().from("US").avoiding("GB").build();
    Candidate b = aCandidate().from("GB").build();
    assertThat(none.allows(a, b)).isFalse();
    assertThat(none.allows(b, a)).isFalse();
  }

  @Test
  void shouldNeverRepeatAnEarlierPartnership() {
    Candidate a = aCandidate().from("US").person("ann").build();
    Candidate b = aCandidate().from("GB").person("bob").build();
    HardRules rules = new HardRules(new Rules(Set.of(), Set.of(), Set.of(IdPair.of("bob", "ann"))));
    assertThat(rules.violations(a, b)).containsExactly("partners in an earlier cycle");
  }

  @Test
  void shouldHonourForbiddenAndLockedPairs() {
    Candidate a = aCandidate().from("US").build();
    Candidate b = aCandidate().from("GB").build();
    Candidate c = aCandidate().from("KE").build();
    HardRules rules =
        new HardRules(
            new Rules(
                Set.of(IdPair.of(a.id(), b.id())), Set.of(IdPair.of(a.id(), c.id())), Set.of()));
    assertThat(rules.violations(a, b)).contains("staff forbade this pair");
    assertThat(rules.allows(a, c)).isTrue();
    assertThat(rules.violations(b, c)).containsExactly(c.id() + " is locked with " + a.id());
  }
}
