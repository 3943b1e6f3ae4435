package org.penpals.prompt.partnership.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.StateConflict;
import org.penpals.prompt.library.PromptKind;

class PartnershipTest {
  static final Instant T = Instant.parse("2027-03-22T09:00:00Z");

  static Partnership partnership(List<Member> members, List<Answer> answers) {
    return new Partnership(
        "ps-1",
        "c-1",
        Partnership.Status.ACTIVE,
        "INITIAL",
        T.minus(Duration.ofDays(30)),
        members,
        1,
        17,
        3,
        List.of(3, 9, 17),
        answers,
        List.of(),
        List.of(),
        null);
  }

  static List<Member> pair() {
    return List.of(new Member("a", "Europe/Sofia", "en", null), new Member("b", "UTC", "en", null));
  }

  static Answer checkIn(String who, Instant at) {
    return new Answer(who, 3, PromptKind.CHECK_IN, true, null, null, at);
  }

  @Test
  void shouldFlagNoCheckInWhenNobodyAnsweredTheCheckInThatWasSent() {
    Partnership quiet = partnership(pair(), List.of());

    assertThat(quiet.quietAfterCheckIn(true, T))
        .hasValueSatisfying(
            f -> assertThat(f.reason()).isEqualTo(Partnership.QuietReason.NO_CHECK_IN));
    assertThat(quiet.quietAfterCheckIn(false, T)).as("check-in never sent").isEmpty();
    assertThat(partnership(pair(), List.of(checkIn("b", T))).quietAfterCheckIn(true, T))
        .as("one side answered")
        .isEmpty();
  }

  @Test
  void shouldResolveAReportWhenThePartnerAnsweredOrWroteAfterIt() {
    Partnership p = partnership(pair(), List.of());
    Partnership.Report report =
        p.report("r-1", "a", null, T, Duration.ofDays(7), Duration.ofDays(7));
    Partnership reported = with(p, List.of(report), p.answers(), p.members());

    assertThat(reported.reportOutcome("r-1")).contains(Partnership.ReportStatus.FLAGGED);
    assertThat(
            with(reported, List.of(report), List.of(checkIn("b", T.plusSeconds(60))), p.members())
                .reportOutcome("r-1"))
        .contains(Partnership.ReportStatus.RESOLVED);
    assertThat(
            with(
                    reported,
                    List.of(report),
                    List.of(),
                    List.of(
                        new Member("a", "UTC", "en", null),
                        new Member("b", "UTC", "en", T.plusSeconds(5))))
                .reportOutcome("r-1"))
        .contains(Partnership.ReportStatus.RESOLVED);
    assertThat(
            with(reported, List.of(report), List.of(checkIn("a", T.plusSeconds(60))), p.members())
                .reportOutcome("r-1"))
        .as("the reporter's own answer does not count")
        .contains(Partnership.ReportStatus.FLAGGED);
    assertThat(reported.reportOutcome("unknown")).isEmpty();
  }

  @Test
  void shouldRemindTheOtherMembersAtMostOnceAWeek() {
    Partnership trio =
        partnership(
            List.of(
                new Member("a", "UTC", "en", null),
                new Member("b", "UTC", "en", null),
                new Member("c", "UTC", "es", null)),
            List.of());
    Duration week = Duration.ofDays(7);

    // the first report reminds everyone but the reporter
    Partnership.Report first = trio.report("r-1", "a", null, T, week, week);
    assertThat(first.reminder().status()).isEqualTo(Partnership.ReminderStatus.QUEUED);
    assertThat(first.reminder().requestedAt()).isEqualTo(T);
    assertThat(first.reminder().reminded()).containsExactly("b", "c");
    assertThat(first.checkAt()).isEqualTo(T.plus(week));

    // a report six days later is recorded without a reminder, naming the previous one
    Partnership reminded = with(trio, List.of(first), List.of(), trio.members());
    Partnership.Report second =
        reminded.report("r-2", "b", null, T.plus(Duration.ofDays(6)), week, week);
    assertThat(second.reminder().status()).isEqualTo(Partnership.ReminderStatus.NOT_SENT_RECENTLY);
    assertThat(second.reminder().previousReminderAt()).isEqualTo(T);
    assertThat(second.reminder().reminded()).isEmpty();

    // a week later there is a reminder again
    assertThat(reminded.report("r-3", "b", null, T.plus(week), week, week).reminder().status())
        .isEqualTo(Partnership.ReminderStatus.QUEUED);
  }

  @Test
  void shouldTellAReminderSentOnceAnyMailWasSentAndFailedOnlyWhenNoneWas() {
    Partnership.Reminder queued = Partnership.Reminder.requested(T, List.of("b", "c"));
    Partnership.Reminder failed =
        new Partnership.Reminder(T, List.of("b", "c"), null, null, T.plusSeconds(9), List.of());
    Partnership.Reminder sent =
        new Partnership.Reminder(
            T, List.of("b", "c"), null, T.plusSeconds(5), T.plusSeconds(9), List.of());

    assertThat(queued.status()).isEqualTo(Partnership.ReminderStatus.QUEUED);
    assertThat(failed.status()).isEqualTo(Partnership.ReminderStatus.FAILED);
    assertThat(sent.status()).isEqualTo(Partnership.ReminderStatus.SENT);
  }

  @Test
  void shouldMatchAReminderMailToTheReportNamedInItsIdElseTheLatestThatRemindedTheRecipient() {
    Partnership p = partnership(pair(), List.of());
    Duration week = Duration.ofDays(7);
    Partnership.Report old = p.report("r-old", "a", null, T, week, week);
    Partnership.Report latest =
        with(p, List.of(old), List.of(), p.members())
            .report("r-new", "a", null, T.plus(Duration.ofDays(8)), week, week);
    Partnership both = with(p, List.of(old, latest), List.of(), p.members());

    assertThat(both.remindedBy("b", "reminder:r-old:b"))
        .map(Partnership.Report::id)
        .hasValue("r-old");
    assertThat(both.remindedBy("b", "m-42")).map(Partnership.Report::id).hasValue("r-new");
    assertThat(both.remindedBy("a", "m-42")).as("the reporter was not reminded").isEmpty();
  }

  @Test
  void shouldRefuseASecondAnswerToTheSamePrompt() {
    Partnership answered = partnership(pair(), List.of(checkIn("a", T)));

    assertThatThrownBy(() -> answered.accept(checkIn("a", T)))
        .isInstanceOf(StateConflict.class)
        .extracting("field")
        .isEqualTo("week");
  }

  @Test
  void shouldValidateAnswersNamingTheField() {
    assertThatThrownBy(() -> new Answer("a", 3, PromptKind.CHECK_IN, null, null, null, T))
        .isInstanceOf(InvalidInput.class)
        .hasMessageContaining("connected");
    assertThatThrownBy(() -> new Answer("a", 9, PromptKind.MID_SURVEY, null, 6, null, T))
        .hasMessageContaining("rating");
    assertThatThrownBy(() -> new Answer("a", 2, PromptKind.PROMPT, true, null, null, T))
        .hasMessageContaining("week");
    assertThatThrownBy(
            () -> new Answer("a", 9, PromptKind.MID_SURVEY, null, 4, "x".repeat(2001), T))
        .hasMessageContaining("comments");
  }

  static Partnership with(
      Partnership p, List<Partnership.Report> reports, List<Answer> answers, List<Member> members) {
    return new Partnership(
        p.id(),
        p.cycleId(),
        p.status(),
        p.origin(),
        p.formedAt(),
        members,
        p.first(),
        p.last(),
        p.checkIn(),
        p.touchpoints(),
        answers,
        reports,
        p.quiet(),
        reports.stream()
            .map(Partnership.Report::reminder)
            .filter(r -> r != null && r.requestedAt() != null)
            .map(Partnership.Reminder::requestedAt)
            .max(Instant::compareTo)
            .orElse(null));
  }
}
