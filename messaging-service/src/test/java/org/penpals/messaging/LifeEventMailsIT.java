package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.messaging.support.MailServer.html;
import static org.penpals.messaging.support.MailServer.subject;
import static org.penpals.messaging.support.MailServer.text;

import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.messaging.MailSent;
import org.penpals.contracts.messaging.MessagingEvents;
import org.penpals.contracts.prompts.PartnerReminded;
import org.penpals.contracts.registration.AdmissionRoute;
import org.penpals.contracts.registration.ParticipantEmailVerified;
import org.penpals.contracts.registration.ParticipantErased;
import org.penpals.messaging.support.MessagingIntegrationTest;
import org.penpals.messaging.support.Upstream;
import org.penpals.messaging.support.Upstream.Person;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.TopicReader;

/**
 * Every life event told by mail: one mail per cause and recipient, in the recipient's language,
 * never twice on a redelivered event, never to people who withdrew.
 */
class LifeEventMailsIT extends MessagingIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration QUIET = Duration.ofSeconds(3);

  private MimeMessage onlyMailTo(Person person) {
    await().atMost(WAIT).until(() -> !smtp.to(person.email()).isEmpty());
    List<MimeMessage> mails = smtp.to(person.email());
    assertThat(mails).as("mails to " + person.name()).hasSize(1);
    return mails.get(0);
  }

  private List<MimeMessage> mailsTo(Person person, int count) {
    await().atMost(WAIT).until(() -> smtp.to(person.email()).size() >= count);
    List<MimeMessage> mails = smtp.to(person.email());
    assertThat(mails).as("mails to " + person.name()).hasSize(count);
    return mails;
  }

  /** Nothing reaches the person for a while (the cause's other mails already arrived). */
  private void noMailTo(Person... people) {
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(10))
        .until(() -> List.of(people).stream().allMatch(p -> smtp.to(p.email()).isEmpty()));
  }

  /** The person has exactly {@code count} mails, and no more arrive for a while. */
  private void staysAt(Person person, int count) {
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(10))
        .until(() -> smtp.to(person.email()).size() == count);
  }

  private Document mail(String id) {
    return database().getCollection("mails").find(Filters.eq("_id", id)).first();
  }

  private Person person(String cycle, String name, String country, String zone, String locale) {
    return upstream.register(cycle, name, country, "Library of " + name, zone, locale);
  }

  @Test
  void shouldTellTheRegistrationWaitlistOnlyOnceTheEmailIsConfirmed() {
    // given an applicant waitlisted for their country's cap, who has not confirmed their email
    String cycle = Upstream.unique("cycle");
    Person lucia =
        upstream.registerWaitlisted(
            cycle, "Lucía Fernández", "AR", "America/Argentina/Cordoba", "es-AR", "COUNTRY_CAP");
    awaitKnown(lucia);

    // when they confirm it, and the event is delivered again (same id, then a new one)
    Instant confirmed = Instant.now();
    String eventId = upstream.verified(lucia);
    upstream.send(new ParticipantEmailVerified(lucia.id(), cycle, 2, confirmed), eventId);
    upstream.verified(lucia);

    // then one mail, in Spanish (usted), made when the email was confirmed
    MimeMessage mail = onlyMailTo(lucia);
    assertThat(subject(mail)).isEqualTo("Está usted en la lista de espera de Penpals");
    assertThat(text(mail))
        .contains("Estimado/a Lucía Fernández:", "las plazas para su país", "le escribiremos");
    Document stored = mail("waitlisted:" + lucia.id() + ":registration");
    assertThat(stored.getString("kind")).isEqualTo("WAITLISTED");
    assertThat(stored.getDate("createdAt").toInstant()).isAfterOrEqualTo(confirmed.minusSeconds(1));
    staysAt(lucia, 1);
  }

  @Test
  void shouldTellAnApplicantAdmittedBeforeConfirmingOnlyOfTheirPlace() {
    // given a waitlisted applicant admitted by staff before confirming their email
    String cycle = Upstream.unique("cycle");
    Person kwame =
        upstream.registerWaitlisted(cycle, "Kwame Boateng", "GH", "Africa/Accra", "en", "CAPACITY");
    awaitKnown(kwame);
    upstream.admitted(kwame, AdmissionRoute.STAFF);
    await()
        .atMost(WAIT)
        .until(
            () ->
                database()
                        .getCollection("recipients")
                        .find(Filters.eq("_id", kwame.id()))
                        .first()
                        .get("admittedAt")
                    != null);
    assertThat(mail("admitted:" + kwame.id())).isNull();

    // when they confirm it
    upstream.verified(kwame);

    // then they hear of their place, and never of the waitlist they left
    MimeMessage mail = onlyMailTo(kwame);
    assertThat(subject(mail)).isEqualTo("Good news: you have a place in Penpals");
    assertThat(text(mail)).contains("no longer on the waitlist");
    staysAt(kwame, 1);
    assertThat(mail("waitlisted:" + kwame.id() + ":registration")).isNull();
  }

  @Test
  void shouldTellTheWaitlistAndThenThePlaceWhenAFreedPlaceAdmitsAConfirmedApplicant() {
    // given a confirmed applicant on the waitlist (told so)
    String cycle = Upstream.unique("cycle");
    Person claire =
        upstream.registerWaitlisted(
            cycle, "Claire Dubois", "BE", "Europe/Brussels", "fr", "CAPACITY");
    awaitKnown(claire);
    upstream.verified(claire);
    assertThat(subject(onlyMailTo(claire)))
        .isEqualTo("Vous êtes sur la liste d'attente de Penpals");

    // when a freed place admits them, and the event arrives twice
    String eventId = upstream.admitted(claire, AdmissionRoute.FREED_PLACE);
    upstream.admitted(claire, AdmissionRoute.FREED_PLACE);

    // then one more mail: their place, in French
    List<MimeMessage> mails = mailsTo(claire, 2);
    assertThat(subject(mails.get(1)))
        .isEqualTo("Bonne nouvelle : vous avez une place dans Penpals");
    assertThat(text(mails.get(1))).contains("vous n'êtes plus sur la liste d'attente");
    assertThat(eventId).isNotBlank();
  }

  @Test
  void shouldTellMatchingsWaitlistOncePerRunAndNobodyWhoWithdrew() {
    // given two confirmed participants, one of whom withdrew
    String cycle = Upstream.unique("cycle");
    Person marc = person(cycle, "Marc Petit", "FR", "Europe/Paris", "fr");
    Person gone = person(cycle, "Gone Person", "GB", "Europe/London", "en");
    awaitKnown(marc, gone);
    upstream.verified(marc);
    upstream.verified(gone);
    upstream.withdrawn(gone);
    await()
        .atMost(WAIT)
        .until(
            () ->
                database()
                    .getCollection("recipients")
                    .find(Filters.eq("_id", gone.id()))
                    .first()
                    .getBoolean("withdrawn", false));

    // when matching could pair neither at publication, its event delivered twice
    upstream.waitlistedByMatching(marc, "run-7");
    upstream.waitlistedByMatching(marc, "run-7");
    upstream.waitlistedByMatching(gone, "run-7");

    // then Marc is told once, in French; the one who withdrew is not
    MimeMessage mail = onlyMailTo(marc);
    assertThat(subject(mail)).isEqualTo("Vous êtes sur la liste d'attente de Penpals");
    assertThat(text(mail)).contains("pas encore trouvé de partenaire", "semaines restantes");
    assertThat(mail("waitlisted:" + marc.id() + ":run-7")).isNotNull();
    noMailTo(gone);
  }

  @Test
  void shouldTellThoseWhoRemainWhenAPartnerLeavesAndIntroduceOnlyNewPartners() {
    // given a pair and a trio, introduced
    String cycle = Upstream.unique("cycle");
    Person ana = person(cycle, "Ana Lima", "BR", "America/Sao_Paulo", "es");
    Person leaves = person(cycle, "Leaves Early", "GB", "Europe/London", "en");
    Person zoe = person(cycle, "Zoé Martin", "FR", "Europe/Paris", "fr");
    Person ken = person(cycle, "Ken Ito", "JP", "Asia/Tokyo", "en");
    Person quits = person(cycle, "Quits Too", "IE", "Europe/Dublin", "en");
    Person newcomer = person(cycle, "Nia Okoro", "NG", "Africa/Lagos", "en");
    awaitKnown(ana, leaves, zoe, ken, quits, newcomer);
    String pair = upstream.formed(cycle, ana, leaves);
    String trio = upstream.formed(cycle, zoe, ken, quits);
    upstream.planned(pair, cycle, Upstream.prompt("Hello"), ana, leaves);
    upstream.planned(trio, cycle, Upstream.prompt("Hello"), zoe, ken, quits);
    onlyMailTo(ana);
    onlyMailTo(ken);
    mailsTo(zoe, 1);

    // when one of each withdraws, the trio's two others are re-formed as a pair, and the pair's
    // other is given the newcomer (each event delivered twice)
    upstream.withdrawn(leaves);
    upstream.withdrawn(quits);
    for (int i = 0; i < 2; i++) {
      upstream.dissolved(pair, cycle, "WITHDRAWAL", List.of(leaves), List.of(ana));
      upstream.dissolved(trio, cycle, "ERASURE", List.of(quits), List.of(zoe, ken));
    }
    List<MimeMessage> toAna = mailsTo(ana, 2);
    assertThat(subject(toAna.get(1))).isEqualTo("Novedades sobre su compañero/a de Penpals");
    assertThat(text(toAna.get(1)))
        .contains("Su compañero/a ha dejado el programa", "nuevo compañero/a")
        .doesNotContain("Leaves Early");
    List<MimeMessage> toKen = mailsTo(ken, 2);
    assertThat(text(toKen.get(1)))
        .contains("One of your partners has left", "You and Zoé Martin carry on together")
        .doesNotContain("Quits Too");
    assertThat(text(mailsTo(zoe, 2).get(1))).contains("Ken Ito et vous continuez ensemble");

    String carryOn = trio + "-r";
    upstream.formed(carryOn, cycle, zoe, ken);
    upstream.planned(carryOn, cycle, Upstream.prompt("Week 5"), zoe, ken);
    String fresh = upstream.formed(cycle, ana, newcomer);
    upstream.planned(fresh, cycle, Upstream.prompt("Week 5"), ana, newcomer);

    // then Ana is introduced to a new partner, in Spanish, and the newcomer gets a first
    // introduction; the trio's two others get no introduction to each other
    List<MimeMessage> anaNow = mailsTo(ana, 3);
    assertThat(subject(anaNow.get(2)))
        .isEqualTo("Le presentamos a su nuevo compañero/a de Penpals: Nia Okoro");
    assertThat(html(anaNow.get(2))).contains("Nia Okoro", "Nigeria", newcomer.email());
    assertThat(mail("intro:" + fresh + ":" + ana.id()).getString("kind")).isEqualTo("NEW_PARTNER");
    assertThat(subject(onlyMailTo(newcomer))).isEqualTo("Meet your Penpals partner: Ana Lima");
    assertThat(mail("intro:" + fresh + ":" + newcomer.id()).getString("kind"))
        .isEqualTo("INTRODUCTION");
    staysAt(leaves, 1); // their introduction, nothing since
    staysAt(quits, 1);
    staysAt(ken, 2);
    assertThat(smtp.to(zoe.email())).hasSize(2);
    assertThat(mail("intro:" + carryOn + ":" + ken.id())).isNull();
  }

  @Test
  void shouldTellEveryMemberWhenStaffDissolveAndOnlyTheSilentWhenItEndsQuiet() {
    // given two pairs
    String cycle = Upstream.unique("cycle");
    Person a = person(cycle, "Amara Diallo", "SN", "Africa/Dakar", "fr");
    Person b = person(cycle, "Bruno Costa", "PT", "Europe/Lisbon", "es");
    Person reporter = person(cycle, "Rita Moreno", "MX", "America/Mexico_City", "es");
    Person silent = person(cycle, "Sam Quiet", "CA", "America/Toronto", "en");
    awaitKnown(a, b, reporter, silent);
    String staff = upstream.formed(cycle, a, b);
    String quiet = upstream.formed(cycle, reporter, silent);

    // when staff dissolve the first, and the second ends after an unanswered reminder (twice)
    upstream.dissolved(staff, cycle, "STAFF", List.of(a, b), List.of());
    upstream.dissolved(quiet, cycle, "QUIET", List.of(silent), List.of(reporter));
    upstream.dissolved(quiet, cycle, "QUIET", List.of(silent), List.of(reporter));

    // then both members of the first are told, each in their language
    assertThat(subject(onlyMailTo(a))).isEqualTo("Votre binôme Penpals a pris fin");
    assertThat(subject(onlyMailTo(b))).isEqualTo("Su emparejamiento en Penpals ha terminado");
    assertThat(text(onlyMailTo(a))).contains("L'équipe du programme a mis fin");
    // and only the silent member of the second, kindly, with whom to contact
    MimeMessage toSilent = onlyMailTo(silent);
    assertThat(subject(toSilent)).isEqualTo("Your Penpals partnership has ended");
    assertThat(text(toSilent))
        .contains("We sent you a reminder", "you are still part of this cycle")
        .contains("programme@penpals.local")
        .doesNotContain("Rita");
    noMailTo(reporter);
  }

  @Test
  void shouldRemindEachQuietMemberOnceWithTheReportersFirstNameAndTheirOwnDate() throws Exception {
    // given a trio whose member reported the two others quiet
    String cycle = Upstream.unique("cycle");
    Person reporter = person(cycle, "Maria José Santos", "PT", "Europe/Lisbon", "en");
    Person tokyo = person(cycle, "Yuki Sato", "JP", "Asia/Tokyo", "fr");
    Person lima = person(cycle, "Pedro Ruiz", "PE", "America/Lima", "es");
    awaitKnown(reporter, tokyo, lima);
    String trio = upstream.formed(cycle, reporter, tokyo, lima);
    try (TopicReader sent = TopicReader.fromNow(Topics.MESSAGING_MAILS)) {

      // when prompt-service asks for reminders, answer by 2030-03-15 02:00 UTC, event twice
      Instant answerBy = Instant.parse("2030-03-15T02:00:00Z");
      PartnerReminded reminded = upstream.reminded(trio, reporter, answerBy, tokyo, lima);
      upstream.send(reminded, UUID.randomUUID().toString());

      // then each quiet member gets one reminder, naming the reporter's first name only, with
      // the date on their own calendar (Friday in Tokyo, Thursday in Lima)
      MimeMessage toTokyo = onlyMailTo(tokyo);
      assertThat(subject(toTokyo))
          .isEqualTo("Votre partenaire Penpals aimerait avoir de vos nouvelles");
      assertThat(text(toTokyo))
          .contains("Maria, votre partenaire", "vendredi 15 mars 2030", "/messages")
          .doesNotContain("Santos", "José");
      MimeMessage toLima = onlyMailTo(lima);
      assertThat(text(toLima)).contains("Maria, su compañero/a", "jueves 14 de marzo de 2030");
      assertThat(html(toLima)).contains("href=\"http://localhost:8090/messages\"");
      noMailTo(reporter);

      // and each MailSent names the partnership, for prompt-service
      String mailId = "reminder:" + reminded.reportId() + ":" + tokyo.id();
      CloudEventRecord record =
          sent.await(TopicReader.event(MessagingEvents.MAIL_SENT.type(), mailId), 1, WAIT).get(0);
      MailSent mailSent = record.as(MailSent.class);
      assertThat(mailSent.kind()).isEqualTo("REMINDER");
      assertThat(mailSent.partnershipId()).isEqualTo(trio);
      assertThat(mailSent.participantId()).isEqualTo(tokyo.id());
    }
  }

  @Test
  void shouldThankEachMemberWithTheFinalSurveyWhenThePartnershipCompletes() {
    // given a trio, one of whom withdrew (matching would not list them, but if it did)
    String cycle = Upstream.unique("cycle");
    Person ines = person(cycle, "Inés Vega", "CL", "America/Santiago", "es");
    Person tom = person(cycle, "Tom Hill", "NZ", "Pacific/Auckland", "en");
    Person gone = person(cycle, "Gone Away", "US", "America/Chicago", "en");
    awaitKnown(ines, tom, gone);
    upstream.withdrawn(gone);
    String partnership = upstream.formed(cycle, ines, tom);
    upstream.cycleRunning(cycle, "2030 cycle 1");

    // when it completes (event twice)
    upstream.completed(partnership, cycle, ines, tom, gone);
    upstream.completed(partnership, cycle, ines, tom, gone);

    // then each member is thanked once, in their language, with the final survey
    MimeMessage toInes = onlyMailTo(ines);
    assertThat(subject(toInes)).isEqualTo("Gracias: su emparejamiento en Penpals ha terminado");
    assertThat(html(toInes)).contains("href=\"http://localhost:8090/home#checkins\"");
    MimeMessage toTom = onlyMailTo(tom);
    assertThat(text(toTom)).contains("final survey", "Cycle: 2030 cycle 1");
    noMailTo(gone);
  }

  @Test
  void shouldTellEveryoneStillInTheCycleWithoutAPartnershipThatItEnded() {
    // given a cycle: a running pair, a waitlisted confirmed applicant, someone whose partnership
    // was dissolved, someone who withdrew, someone who never confirmed their email
    String cycle = Upstream.unique("cycle");
    Person paired = person(cycle, "Paired One", "GB", "Europe/London", "en");
    Person partner = person(cycle, "Paired Two", "KE", "Africa/Nairobi", "en");
    Person waiting =
        upstream.registerWaitlisted(cycle, "Wen Li", "CN", "Asia/Shanghai", "fr", "CAPACITY");
    Person unpaired = person(cycle, "Ursula Ahn", "KR", "Asia/Seoul", "es");
    Person formerPartner = person(cycle, "Former Partner", "DE", "Europe/Berlin", "en");
    Person withdrew = person(cycle, "With Drew", "US", "America/Denver", "en");
    Person unconfirmed = person(cycle, "Not Confirmed", "CA", "America/Vancouver", "en");
    awaitKnown(paired, partner, waiting, unpaired, formerPartner, withdrew, unconfirmed);
    upstream.formed(cycle, paired, partner);
    String dissolved = upstream.formed(cycle, unpaired, formerPartner);
    upstream.verified(waiting);
    upstream.verified(withdrew);
    upstream.withdrawn(withdrew);
    upstream.withdrawn(formerPartner);
    upstream.dissolved(dissolved, cycle, "WITHDRAWAL", List.of(formerPartner), List.of(unpaired));
    onlyMailTo(waiting); // the waitlist news
    onlyMailTo(unpaired); // a partner left
    await()
        .atMost(WAIT)
        .until(
            () ->
                database()
                    .getCollection("recipients")
                    .find(Filters.eq("_id", withdrew.id()))
                    .first()
                    .getBoolean("withdrawn", false));

    // when the cycle completes (event twice)
    upstream.cycleCompleted(cycle, "2030 cycle 2");
    upstream.cycleCompleted(cycle, "2030 cycle 2");

    // then the waitlisted and the unpaired are told, each once, in their language
    List<MimeMessage> toWaiting = mailsTo(waiting, 2);
    assertThat(subject(toWaiting.get(1))).isEqualTo("Le cycle Penpals 2030 cycle 2 est terminé");
    List<MimeMessage> toUnpaired = mailsTo(unpaired, 2);
    assertThat(subject(toUnpaired.get(1)))
        .isEqualTo("El ciclo 2030 cycle 2 de Penpals ha terminado");
    assertThat(mail("cycle-completed:" + cycle + ":" + unpaired.id())).isNotNull();
    // and nobody in a partnership, withdrawn or unconfirmed
    noMailTo(paired, partner, withdrew, unconfirmed, formerPartner);
    staysAt(waiting, 2);
    staysAt(unpaired, 2);
  }

  @Test
  void shouldStillTellTheRemainingPartnerWhenTheOneWhoLeftIsErasedBeforeItIsSent() {
    // given a pair about to be introduced while the mail server is away
    String cycle = Upstream.unique("cycle");
    Person stays = person(cycle, "Sofia Rossi", "IT", "Europe/Rome", "en");
    Person erased = person(cycle, "Erased Person", "GB", "Europe/London", "en");
    awaitKnown(stays, erased);
    smtp.down();
    String pair = upstream.formed(cycle, stays, erased);
    upstream.planned(pair, cycle, Upstream.prompt("Hello"), stays, erased);
    await().atMost(WAIT).until(() -> mail("intro:" + pair + ":" + stays.id()) != null);

    // when the other is erased: matching dissolves the pair, registration erases them
    upstream.dissolved(pair, cycle, "ERASURE", List.of(erased), List.of(stays));
    await().atMost(WAIT).until(() -> mail("partner-left:" + pair + ":" + stays.id()) != null);
    upstream.send(new ParticipantErased(erased.id(), cycle, 5, Instant.now()));
    await()
        .atMost(WAIT)
        .until(
            () ->
                database()
                    .getCollection("recipients")
                    .find(Filters.eq("_id", erased.id()))
                    .first()
                    .getBoolean("erased", false));
    smtp.up();

    // then the introduction naming them is never sent, the news that a partner left (naming
    // nobody) is
    MimeMessage left = onlyMailTo(stays);
    assertThat(subject(left)).isEqualTo("News about your Penpals partnership");
    assertThat(text(left)).doesNotContain("Erased Person");
    assertThat(mail("intro:" + pair + ":" + stays.id()).getString("status")).isEqualTo("CANCELLED");
    staysAt(stays, 1);
    noMailTo(erased);
  }
}
