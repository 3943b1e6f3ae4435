package org.penpals.matching.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.matching.engine.CandidateFixture.aCandidate;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ScorerTest {
  private final Scorer scorer = new Scorer(Weights.DEFAULTS, LocalDate.of(2027, 7, 1));

  @Test
  void shouldExplainAPairWithOneLinePerCriterionThatAddUpToTheScore() {
    // given
    Candidate a =
        aCandidate()
            .from("GB")
            .inRegion("Europe")
            .inZone("Europe/London")
            .interestedIn("open-access", "archives", "metadata")
            .inSector("ACADEMIC", SectorPreference.SAME)
            .withYears(2)
            .build();
    Candidate b =
        aCandidate()
            .from("BG")
            .inRegion("Europe")
            .inZone("Europe/Sofia")
            .interestedIn("open-access", "archives", "outreach")
            .inSector("ACADEMIC", SectorPreference.NO_PREFERENCE)
            .withYears(22)
            .build();

    // when
    PairScore score = scorer.explain(a, b);

    // then 2 of 3 interests, both sector wishes, a 20-year gap, 6 of 8 hours, same region
    assertThat(score.lines())
        .extracting(ExplanationLine::criterion, ExplanationLine::points)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Criterion.INTERESTS, 266),
            org.assertj.core.groups.Tuple.tuple(Criterion.SECTOR, 200),
            org.assertj.core.groups.Tuple.tuple(Criterion.EXPERIENCE, 150),
            org.assertj.core.groups.Tuple.tuple(Criterion.WORKING_HOURS, 112),
            org.assertj.core.groups.Tuple.tuple(Criterion.REGION_DIVERSITY, 0));
    assertThat(score.score()).isEqualTo(266 + 200 + 150 + 112);
    assertThat(score.lines().get(0).reason())
        .isEqualTo("share 2 interest(s): archives, open-access");
  }

  @Test
  void shouldUseTheTimeZoneOffsetsOfThePartnershipsStartDate() {
    // given London and New York: 5 hours apart in January, 4 in the three weeks of March when the
    // US has changed to summer time and the UK has not
    Candidate london = aCandidate().from("GB").inZone("Europe/London").build();
    Candidate newYork = aCandidate().from("US").inZone("America/New_York").build();

    // when
    int winter =
        new Scorer(Weights.DEFAULTS, LocalDate.of(2027, 1, 11))
            .explain(london, newYork)
            .lines()
            .get(3)
            .points();
    int gap =
        new Scorer(Weights.DEFAULTS, LocalDate.of(2027, 3, 22))
            .explain(london, newYork)
            .lines()
            .get(3)
            .points();

    // then 3 hours of overlap (150 * 180 / 480), then 4 hours (150 * 240 / 480)
    assertThat(winter).isEqualTo(56);
    assertThat(gap).isEqualTo(75);
  }

  @Test
  void shouldRewardSimilarExperienceWhenTheCycleAsksForIt() {
    Scorer similar =
        new Scorer(new Weights(0, 0, 100, ExperienceMode.SIMILAR, 0, 0), LocalDate.of(2027, 3, 1));
    Candidate a = aCandidate().from("GB").withYears(5).build();
    Candidate b = aCandidate().from("US").withYears(8).build();
    assertThat(similar.score(a, b)).isEqualTo(70);
    assertThat(similar.score(b, a)).isEqualTo(70);
  }

  @Test
  void shouldCountOverlapAcrossMidnight() {
    // Sydney (UTC+11 in January) and Los Angeles (UTC-8): 19 hours apart, i.e. 5 the other way
    assertThat(Scorer.overlapMinutes(11 * 60, -8 * 60)).isEqualTo(180);
  }
}
