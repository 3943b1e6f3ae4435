package org.penpals.matching.partnership;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Who may ask for a new partner, and who is silent. */
class PartnershipTest {
  static final Instant T = Instant.parse("2027-04-01T10:00:00Z");

  static Partnership partnership(
      List<String> members, List<Partnership.Report> reports, List<Partnership.QuietFlag> flags) {
    return new Partnership(
        "ps-1",
        "c-1",
        members,
        500,
        "INITIAL",
        "run-1",
        PartnershipStatus.ACTIVE,
        T,
        null,
        null,
        null,
        reports,
        flags,
        List.of());
  }

  static Partnership.Report report(String id, String by, List<String> reminded, Instant answerBy) {
    return new Partnership.Report(id, by, reminded, answerBy, answerBy.minusSeconds(7 * 86400));
  }

  @Test
  void shouldTakeTheOtherMemberOfAPairAsSilent() {
    var flag = new Partnership.QuietFlag("r-1", "a", T);
    var p = partnership(List.of("a", "b"), List.of(), List.of(flag));

    assertThat(p.silentFor(flag)).containsExactly("b");
  }

  @Test
  void shouldTakeOnlyTheRemindedMemberOfATrioAsSilent() {
    var flag = new Partnership.QuietFlag("r-1", "a", T);
    var p =
        partnership(
            List.of("a", "b", "c"),
            List.of(report("r-1", "a", List.of("c"), T.minusSeconds(60))),
            List.of(flag));

    assertThat(p.silentFor(flag)).containsExactly("c");
  }

  @Test
  void shouldTakeEveryoneButTheReporterWhenTheReminderIsUnknownOrNamesNobodyStill() {
    var flag = new Partnership.QuietFlag("r-1", "a", T);
    var trio =
        partnership(
            List.of("a", "b", "c"),
            List.of(report("r-1", "a", List.of("a", "z"), T.minusSeconds(60))),
            List.of(flag));

    assertThat(trio.silentFor(flag)).containsExactly("b", "c");
  }

  @Test
  void shouldFindTheReportersLatestFlagOnly() {
    var older = new Partnership.QuietFlag("r-1", "a", T);
    var newer = new Partnership.QuietFlag("r-2", "a", T.plusSeconds(60));
    var theirs = new Partnership.QuietFlag("r-3", "b", T.plusSeconds(120));
    var p = partnership(List.of("a", "b"), List.of(), List.of(older, newer, theirs));

    assertThat(p.flagReportedBy("a")).contains(newer);
    assertThat(p.flagReportedBy("c")).isEmpty();
  }

  @Test
  void shouldKeepAReportOpenUntilItsAnswerByUnlessFlagged() {
    var open = report("r-1", "a", List.of("b"), T.plusSeconds(3600));
    var p = partnership(List.of("a", "b"), List.of(open), List.of());

    assertThat(p.openReportBy("a", T)).contains(open);
    assertThat(p.openReportBy("a", T.plusSeconds(3601))).isEmpty();
    assertThat(p.openReportBy("b", T)).isEmpty();
    var flagged =
        partnership(
            List.of("a", "b"), List.of(open), List.of(new Partnership.QuietFlag("r-1", "a", T)));
    assertThat(flagged.openReportBy("a", T)).isEmpty();
  }

  @Test
  void shouldRefuseAPartnershipOfOne() {
    assertThatThrownBy(() -> partnership(List.of("a"), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
