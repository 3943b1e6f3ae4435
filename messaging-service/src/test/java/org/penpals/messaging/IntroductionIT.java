package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.messaging.support.MailServer.header;
import static org.penpals.messaging.support.MailServer.html;
import static org.penpals.messaging.support.MailServer.subject;
import static org.penpals.messaging.support.MailServer.text;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.prompts.PromptContent;
import org.penpals.messaging.support.MessagingIntegrationTest;
import org.penpals.messaging.support.Upstream;
import org.penpals.messaging.support.Upstream.Person;

/** Introductions and weekly prompts: the right details, in each participant's language. */
class IntroductionIT extends MessagingIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private MimeMessage onlyMailTo(Person person) {
    await().atMost(WAIT).until(() -> smtp.to(person.email()).size() >= 1);
    List<MimeMessage> mails = smtp.to(person.email());
    assertThat(mails).hasSize(1);
    return mails.get(0);
  }

  @Test
  void shouldSendOneIntroductionPerParticipantWithTheRightPartnerDetails() {
    // given a cycle's participants as registration published them
    String cycle = Upstream.unique("cycle");
    Person ana =
        upstream.register(
            cycle, "Ana García", "ES", "Biblioteca de Sevilla", "Europe/Madrid", "es");
    Person luc = upstream.register(cycle, "Luc Tremblay", "CA", "BAnQ", "America/Toronto", "fr-CA");
    Person wanjiru =
        upstream.register(
            cycle, "Wanjiru Kamau", "KE", "Kenya National Library", "Africa/Nairobi", "en");
    Person tom =
        upstream.register(
            cycle, "Tom O'Neil", "AU", "State Library Victoria", "Australia/Melbourne", "en");
    PromptContent first = Upstream.prompt("Getting to know each other");
    awaitKnown(ana, luc, wanjiru, tom);

    // when matching publishes two partnerships and prompt-service plans them, in either order
    String one = upstream.formed(cycle, ana, luc);
    upstream.planned(one, cycle, first, ana, luc);
    String two = Upstream.unique("ps");
    upstream.planned(two, cycle, first, wanjiru, tom);
    upstream.send(
        new org.penpals.contracts.matching.PartnershipFormed(
            two,
            cycle,
            List.of(
                new org.penpals.contracts.matching.PartnershipMember(
                    wanjiru.id(), wanjiru.zone(), "en"),
                new org.penpals.contracts.matching.PartnershipMember(tom.id(), tom.zone(), "en")),
            40,
            "INITIAL",
            "run-1",
            java.time.Instant.now()));
    // and the first plan arrives again (a redelivery under a new event id)
    upstream.planned(one, cycle, first, ana, luc);

    // then each participant gets exactly one introduction to their partner, in their language
    MimeMessage toAna = onlyMailTo(ana);
    assertThat(subject(toAna))
        .isEqualTo("Le presentamos a su compañero/a de Penpals: Luc Tremblay");
    assertThat(html(toAna))
        .contains("Luc Tremblay", "Canadá", "BAnQ", luc.email(), "America/Toronto")
        .contains("ES Getting to know each other", "¿Qué hace <strong>su</strong> biblioteca")
        .contains("Su hora local ahora");
    assertThat(text(toAna)).contains("Luc Tremblay", "Canadá", luc.email(), "Su hora local ahora");
    assertThat(header(toAna, "Content-Language")).isEqualTo("es");

    MimeMessage toLuc = onlyMailTo(luc);
    assertThat(subject(toLuc)).isEqualTo("Voici votre partenaire Penpals : Ana García");
    assertThat(html(toLuc))
        .contains("Ana García", "Espagne", "Biblioteca de Sevilla", ana.email(), "Europe/Madrid")
        .contains("FR Getting to know each other");

    MimeMessage toWanjiru = onlyMailTo(wanjiru);
    assertThat(subject(toWanjiru)).isEqualTo("Meet your Penpals partner: Tom O'Neil");
    assertThat(html(toWanjiru))
        .contains("Tom O&#39;Neil", "Australia", "State Library Victoria", tom.email())
        .contains("Australia/Melbourne", "Getting to know each other")
        // the prompt's Markdown is rendered, its raw HTML shown as text
        .contains("&lt;b&gt;newcomers&lt;/b&gt;")
        .doesNotContain("<b>newcomers</b>");
    MimeMessage toTom = onlyMailTo(tom);
    assertThat(html(toTom)).contains("Wanjiru Kamau", "Kenya", "Kenya National Library");
  }

  @Test
  void shouldSendPromptsInTheParticipantsLanguage() {
    // given a formed partnership of a Spanish and a French speaker
    String cycle = Upstream.unique("cycle");
    Person eva =
        upstream.register(
            cycle, "Eva Ruiz", "MX", "Biblioteca Vasconcelos", "America/Mexico_City", "es-MX");
    Person paul = upstream.register(cycle, "Paul Martin", "FR", "BnF", "Europe/Paris", "fr");
    String partnership = upstream.formed(cycle, eva, paul);
    awaitKnown(eva, paul);

    // when week 2's prompt is due for both, Paul's after downtime
    upstream.due(eva, partnership, 2, false);
    upstream.due(paul, partnership, 2, true);

    // then each reads it in their own language, and Paul learns it is late
    MimeMessage toEva = onlyMailTo(eva);
    assertThat(subject(toEva)).isEqualTo("Semana 2: ES Week 2");
    assertThat(text(toEva)).contains("Estimado/a Eva Ruiz", "¿Qué hace **su** biblioteca");
    assertThat(html(toEva)).doesNotContain("plus tard");
    MimeMessage toPaul = onlyMailTo(paul);
    assertThat(subject(toPaul)).isEqualTo("Semaine 2 : FR Week 2");
    assertThat(html(toPaul)).contains("plus tard que prévu", "<strong>votre</strong>");
  }
}
