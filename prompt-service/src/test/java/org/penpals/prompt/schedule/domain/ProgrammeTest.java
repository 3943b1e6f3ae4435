package org.penpals.prompt.schedule.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.penpals.platform.domain.StateConflict;
import org.penpals.prompt.library.DefaultProgramme;
import org.penpals.prompt.library.LibraryPrompt;
import org.penpals.prompt.library.PromptKind;
import org.penpals.prompt.library.Translation;

class ProgrammeTest {
  static final LocalDate START = LocalDate.of(2027, 3, 1);
  static final List<LibraryPrompt> LIBRARY = DefaultProgramme.prompts();

  static ProgrammeCalendar calendar(int weeks, Cadence cadence) {
    return new ProgrammeCalendar(START, weeks, cadence, DayOfWeek.MONDAY, 9);
  }

  @Test
  void shouldGiveA17WeekCycleOneTopicAWeekWithCheckInMidSurveyAndFinalSurvey() {
    List<ScheduledWeek> weeks = Programme.build("c", calendar(17, Cadence.WEEKLY), LIBRARY);

    assertThat(weeks).hasSize(17);
    assertThat(weeks).extracting(ScheduledWeek::number).containsExactlyElementsOf(range(17));
    assertThat(weeks.get(0).topic().promptId()).isEqualTo("topic-01-getting-to-know-each-other");
    assertThat(weeks.get(2).kind()).isEqualTo(PromptKind.CHECK_IN);
    assertThat(weeks.get(8).kind()).isEqualTo(PromptKind.MID_SURVEY);
    assertThat(weeks.get(16).kind()).isEqualTo(PromptKind.FINAL_SURVEY);
    assertThat(weeks.get(16).topic().promptId()).isEqualTo("topic-18-what-now");
    assertThat(weeks)
        .filteredOn(w -> w.touchpoint() == null)
        .extracting(ScheduledWeek::kind)
        .containsOnly(PromptKind.PROMPT);
    assertThat(weeks.stream().map(w -> w.topic().promptId()).distinct()).hasSize(17);
  }

  @Test
  void shouldGiveAFortnightlyCycleItsTouchpointsInTheRightWeeks() {
    List<ScheduledWeek> weeks = Programme.build("c", calendar(17, Cadence.FORTNIGHTLY), LIBRARY);

    assertThat(weeks).hasSize(9);
    assertThat(Programme.touchpoints(calendar(17, Cadence.FORTNIGHTLY)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(2, PromptKind.CHECK_IN, 5, PromptKind.MID_SURVEY, 9, PromptKind.FINAL_SURVEY));
    assertThat(weeks.get(1).week()).isEqualTo(3);
    assertThat(weeks.get(8).topic().promptId()).isEqualTo("topic-18-what-now");
  }

  @Test
  void shouldRepeatMiddleTopicsWhenTheCycleIsLongerThanTheLibrary() {
    List<ScheduledWeek> weeks = Programme.build("c", calendar(30, Cadence.WEEKLY), LIBRARY);

    assertThat(weeks).hasSize(30);
    assertThat(weeks.get(0).topic().promptId()).isEqualTo("topic-01-getting-to-know-each-other");
    assertThat(weeks.get(29).topic().promptId()).isEqualTo("topic-18-what-now");
    assertThat(weeks.subList(1, 29))
        .extracting(w -> w.topic().promptId())
        .doesNotContain("topic-01-getting-to-know-each-other", "topic-18-what-now");
  }

  @Test
  void shouldLetTheFinalSurveyWinWhenTouchpointsCollideInAShortCycle() {
    assertThat(Programme.touchpoints(calendar(3, Cadence.WEEKLY)))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(3, PromptKind.FINAL_SURVEY, 2, PromptKind.MID_SURVEY));
    assertThat(Programme.touchpoints(calendar(1, Cadence.WEEKLY))).isEmpty();
  }

  @Test
  void shouldCombineTheTouchpointAndTheTopicInEveryLanguage() {
    ScheduledWeek checkIn = Programme.build("c", calendar(17, Cadence.WEEKLY), LIBRARY).get(2);

    WeekContent content = checkIn.content();

    assertThat(content.kind()).isEqualTo(PromptKind.CHECK_IN);
    assertThat(content.promptId()).isEqualTo("checkin-have-you-connected");
    assertThat(content.title()).isEqualTo("Have you connected? · Your community");
    assertThat(content.body()).contains("Have you and your partner been in touch yet?");
    assertThat(content.body()).contains("## Your community");
    assertThat(content.in("es").title()).isEqualTo("¿Ya están en contacto? · Su comunidad");
    assertThat(content.in("fr").body()).contains("## Votre communauté");
    assertThat(content.in("de").title()).isEqualTo(content.title());
  }

  @Test
  void shouldRefuseToEditAPromptOnceItWasSent() {
    ScheduledWeek week = Programme.build("c", calendar(17, Cadence.WEEKLY), LIBRARY).get(0);
    ScheduledWeek sent =
        new ScheduledWeek(
            week.cycleId(),
            week.number(),
            week.week(),
            week.date(),
            week.topic(),
            null,
            Instant.parse("2027-03-01T09:00:00Z"),
            week.version());

    ScheduledWeek edited = week.edited(week.topic().with("New title", null, null, null), null);
    assertThat(edited.topic().title()).isEqualTo("New title");
    assertThat(edited.version()).isEqualTo(week.version() + 1);
    assertThatThrownBy(() -> sent.edited(week.topic(), null))
        .isInstanceOf(StateConflict.class)
        .extracting("field")
        .isEqualTo("number");
  }

  @Test
  void shouldNameTheFieldOfBadTopicText() {
    Topic topic = Programme.build("c", calendar(17, Cadence.WEEKLY), LIBRARY).get(0).topic();

    assertThatThrownBy(() -> topic.with("", null, null, Map.of("xx", new Translation("t", "b"))))
        .hasMessageContaining("title")
        .hasMessageContaining("translations.xx");
  }

  static List<Integer> range(int n) {
    return java.util.stream.IntStream.rangeClosed(1, n).boxed().toList();
  }
}
