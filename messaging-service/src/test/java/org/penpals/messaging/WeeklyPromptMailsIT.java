package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.messaging.support.MailServer.header;
import static org.penpals.messaging.support.MailServer.subject;
import static org.penpals.messaging.support.MailServer.text;

import jakarta.mail.internet.MimeMessage;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.prompts.PromptContent;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.contracts.prompts.PromptsPlanned;
import org.penpals.messaging.support.MessagingIntegrationTest;
import org.penpals.messaging.support.Upstream;
import org.penpals.messaging.support.Upstream.Person;

/**
 * A whole 17-week cycle as mail: {@code PromptDue} events on the broker, shaped and ordered as
 * prompt-service publishes them while its clock advances (each participant's prompt at 09:00 on
 * their own clock; that prompt-service publishes them then is {@code WeeklyDeliveryIT}'s part),
 * become exactly one mail per participant and week in the SMTP server, in order, in each
 * participant's language.
 */
class WeeklyPromptMailsIT extends MessagingIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final int WEEKS = 17;

  /** Monday {@code week-1} weeks after the start, 09:00 in the zone. */
  private static Instant dueAt(LocalDate start, int week, String zone) {
    return ZonedDateTime.of(start.plusWeeks(week - 1L), LocalTime.of(9, 0), ZoneId.of(zone))
        .toInstant();
  }

  /** Week 3 check-in, week 9 mid-cycle survey, week 17 final survey, as prompt-service plans. */
  private static PromptContent content(int week) {
    String kind =
        switch (week) {
          case 3 -> "CHECK_IN";
          case 9 -> "MID_SURVEY";
          case WEEKS -> "FINAL_SURVEY";
          default -> "PROMPT";
        };
    String title = "Topic " + week;
    return new PromptContent(
        "topic-" + week,
        kind,
        title,
        "What does **your** library do about topic " + week + "?",
        Map.of(
            "es",
            new PromptContent.Translation("Tema " + week, "¿Qué hace **su** biblioteca?"),
            "fr",
            new PromptContent.Translation("Sujet " + week, "Que fait **votre** bibliothèque ?")));
  }

  private static String expectedSubject(Person person, int week) {
    boolean es = person.locale().startsWith("es");
    String title = (es ? "Tema " : "Topic ") + week;
    return switch (week) {
      case 3 -> (es ? "Seguimiento de la semana 3: " : "Week 3 check-in: ") + title;
      case 9 -> (es ? "Encuesta de mitad de ciclo: " : "Mid-cycle survey: ") + title;
      case WEEKS -> (es ? "Opinión final: " : "Final feedback: ") + title;
      default -> (es ? "Semana " : "Week ") + week + ": " + title;
    };
  }

  @Test
  void shouldMailPrompts1To17InOrderOnceEachToPartnersInDifferentTimeZones() {
    // given a partnership of a librarian in New York (English) and one in Manila (Spanish),
    // twelve or thirteen hours apart, in a cycle starting on a Monday
    String cycle = Upstream.unique("cycle");
    Person newYork =
        upstream.register(
            cycle, "Grace Hopper", "US", "New York Public Library", "America/New_York", "en");
    Person manila =
        upstream.register(
            cycle,
            "Lucía Santos",
            "PH",
            "National Library of the Philippines",
            "Asia/Manila",
            "es");
    awaitKnown(newYork, manila);
    LocalDate start =
        LocalDate.now(ZoneId.of("UTC"))
            .plusWeeks(2)
            .with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    String partnership = upstream.formed(cycle, newYork, manila);
    upstream.send(
        new PromptsPlanned(
            partnership,
            cycle,
            List.of(
                new PromptsPlanned.PlannedMember(newYork.id(), dueAt(start, 1, newYork.zone())),
                new PromptsPlanned.PlannedMember(manila.id(), dueAt(start, 1, manila.zone()))),
            content(1),
            WEEKS));

    // then each gets one introduction naming the first prompt's time on their own clock
    await().atMost(WAIT).until(() -> smtp.to(newYork.email()).size() == 1);
    await().atMost(WAIT).until(() -> smtp.to(manila.email()).size() == 1);
    assertThat(text(smtp.to(newYork.email()).get(0)))
        .contains("Lucía Santos")
        .contains("Your weekly prompts start on Monday")
        .contains(", 09:00 (your time)");
    assertThat(text(smtp.to(manila.email()).get(0)))
        .contains("Grace Hopper")
        .contains("Sus preguntas semanales empiezan el lunes")
        .contains(", 09:00 (su hora)");

    // when the prompts fall due week after week, in the order their 09:00s come (Manila's first),
    // as prompt-service publishes them; week 5's New York prompt reaches us twice
    List<PromptDue> all = new ArrayList<>();
    for (int week = 1; week <= WEEKS; week++) {
      for (Person p : List.of(newYork, manila)) {
        all.add(
            new PromptDue(
                partnership + ":" + p.id() + ":" + week,
                partnership,
                cycle,
                p.id(),
                week,
                content(week),
                dueAt(start, week, p.zone()),
                false));
      }
    }
    all.sort(Comparator.comparing(PromptDue::dueAt));
    for (int week = 1; week <= WEEKS; week++) {
      int w = week;
      for (PromptDue due : all.stream().filter(d -> d.week() == w).toList()) {
        upstream.send(due);
        if (w == 5 && due.participantId().equals(newYork.id())) {
          upstream.send(due, UUID.randomUUID().toString());
        }
      }
      // each week's mails are in the server before the next week's prompts fall due
      await().atMost(WAIT).until(() -> smtp.to(newYork.email()).size() == 1 + w);
      await().atMost(WAIT).until(() -> smtp.to(manila.email()).size() == 1 + w);
    }

    // then each partner received prompts 1..17, in order, once each, in their own language
    for (Person p : List.of(newYork, manila)) {
      List<MimeMessage> prompts = smtp.to(p.email()).stream().skip(1).toList();
      assertThat(prompts).hasSize(WEEKS);
      List<String> expected = new ArrayList<>();
      for (int week = 1; week <= WEEKS; week++) {
        expected.add(expectedSubject(p, week));
      }
      assertThat(prompts).extracting(m -> subject(m)).containsExactlyElementsOf(expected);
      assertThat(prompts).extracting(m -> header(m, "Message-ID")).doesNotHaveDuplicates();
      assertThat(prompts)
          .extracting(m -> header(m, "Content-Language"))
          .containsOnly(p.locale().substring(0, 2));
    }
    assertThat(text(smtp.to(manila.email()).get(3)))
        .contains("Estimado/a Lucía Santos", "(semana 3)");
    // and the redelivered week 5 made no second mail, even after the sender's next sweep
    await()
        .during(Duration.ofSeconds(2))
        .atMost(WAIT)
        .until(() -> smtp.to(newYork.email()).size() == 1 + WEEKS);
  }
}
