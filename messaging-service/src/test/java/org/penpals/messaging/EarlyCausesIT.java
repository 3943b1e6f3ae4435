package org.penpals.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.messaging.support.MailServer.subject;
import static org.penpals.messaging.support.MailServer.text;

import com.mongodb.client.model.Filters;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.bson.Document;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.Topics;
import org.penpals.contracts.prompts.PartnerReminded;
import org.penpals.contracts.prompts.PromptDue;
import org.penpals.contracts.registration.AdmissionRoute;
import org.penpals.contracts.registration.ParticipantErased;
import org.penpals.messaging.mail.adapter.in.messaging.ProgrammeListener;
import org.penpals.messaging.support.MessagingIntegrationTest;
import org.penpals.messaging.support.Upstream;
import org.penpals.messaging.support.Upstream.Person;
import org.penpals.platform.testkit.CloudEventRecord;
import org.penpals.platform.testkit.TopicReader;

/**
 * Causes that arrive before the registration events of the participant they owe a mail to (the
 * topics are not ordered with each other): the cause is consumed, never dead-lettered; its mail
 * waits and is sent once, in the participant's language, when their details arrive; a redelivered
 * cause waits once; erasure drops what waited.
 */
class EarlyCausesIT extends MessagingIntegrationTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Duration QUIET = Duration.ofSeconds(3);

  private static TopicReader deadLetters(String topic) {
    return TopicReader.fromNow(Topics.deadLetter(topic, ProgrammeListener.GROUP));
  }

  /** What reached a dead-letter topic about these keys (waiting a little for stragglers). */
  private static List<CloudEventRecord> about(TopicReader deadLetters, String... keys) {
    List<String> about = List.of(keys);
    return deadLetters.drain(QUIET).stream().filter(r -> about.contains(r.key())).toList();
  }

  private @Nullable Document pending(Person person) {
    return database().getCollection("pending_mails").find(Filters.eq("_id", person.id())).first();
  }

  private List<String> owedKeys(Person person) {
    Document doc = pending(person);
    return doc == null
        ? List.of()
        : doc.getList("mails", Document.class).stream().map(m -> m.getString("key")).toList();
  }

  /** Waits until the mails under these keys wait for the person's details. */
  private void awaitOwed(Person person, String... keys) {
    await().atMost(WAIT).until(() -> owedKeys(person).containsAll(List.of(keys)));
  }

  private @Nullable Document mail(String id) {
    return database().getCollection("mails").find(Filters.eq("_id", id)).first();
  }

  private List<MimeMessage> mailsTo(Person person, int count) {
    await().atMost(WAIT).until(() -> smtp.to(person.email()).size() >= count);
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(10))
        .until(() -> smtp.to(person.email()).size() == count);
    return smtp.to(person.email());
  }

  private static MimeMessage withSubject(List<MimeMessage> mails, String subject) {
    List<MimeMessage> found = mails.stream().filter(m -> subject.equals(subject(m))).toList();
    assertThat(found).as("mails with subject " + subject).hasSize(1);
    return found.get(0);
  }

  @Test
  void shouldMailMatchingsWaitlistOnceTheParticipantsDetailsArriveInsteadOfDeadLetteringIt() {
    // given a participant messaging has not heard of yet
    String cycle = Upstream.unique("cycle");
    Person marc = Upstream.notYetRegistered(cycle, "Marc Petit", "FR", "Europe/Paris", "fr");
    try (TopicReader deadLetters = deadLetters(Topics.MATCHING_PARTICIPANTS)) {

      // when matching waitlists them in run 3 (the event delivered again, as a new event), then in
      // run 4, all before their registration events arrive
      String run3 = "waitlisted:" + marc.id() + ":run-3";
      String run4 = "waitlisted:" + marc.id() + ":run-4";
      upstream.waitlistedByMatching(marc, "run-3");
      upstream.waitlistedByMatching(marc, "run-3");
      upstream.waitlistedByMatching(marc, "run-4");

      // then each run's mail waits once, and no event reached the dead-letter topic
      awaitOwed(marc, run3, run4);
      assertThat(owedKeys(marc)).containsExactly(run3, run4);
      assertThat(mail(run3)).isNull();
      assertThat(about(deadLetters, marc.id())).isEmpty();

      // and once registration's events arrive, one mail per run, in French, and nothing waits
      upstream.register(marc);
      List<MimeMessage> mails = mailsTo(marc, 2);
      assertThat(mails)
          .extracting(m -> subject(m))
          .containsOnly("Vous êtes sur la liste d'attente de Penpals");
      assertThat(text(mails.get(0))).contains("pas encore trouvé de partenaire");
      assertThat(mail(run3).getString("kind")).isEqualTo("WAITLISTED");
      assertThat(mail(run4)).isNotNull();
      await().atMost(WAIT).until(() -> pending(marc) == null);
    }
  }

  @Test
  void shouldSendAPromptThatCameDueBeforeTheRecipientWasKnownOnceTheyAre() {
    // given a partner whose registration messaging has not received
    String cycle = Upstream.unique("cycle");
    Person lucia =
        Upstream.notYetRegistered(
            cycle, "Lucía Fernández", "AR", "America/Argentina/Cordoba", "es-AR");
    String partnership = Upstream.unique("ps");
    try (TopicReader deadLetters = deadLetters(Topics.PROMPT_DELIVERIES)) {

      // when week 3's prompt comes due (delivered twice: the same event, then as a new event),
      // then week 4's
      PromptDue week3 = upstream.due(lucia, partnership, 3, false);
      upstream.send(week3, UUID.randomUUID().toString());
      PromptDue week4 = upstream.due(lucia, partnership, 4, true);

      // then both wait, week 3 once, and nothing reached the dead-letter topic
      String key3 = "prompt:" + week3.deliveryId() + ":" + lucia.id();
      String key4 = "prompt:" + week4.deliveryId() + ":" + lucia.id();
      awaitOwed(lucia, key3, key4);
      assertThat(owedKeys(lucia)).containsExactly(key3, key4);
      assertThat(about(deadLetters, partnership)).isEmpty();

      // and once registration's events arrive, each prompt is mailed once, in Spanish
      upstream.register(lucia);
      List<MimeMessage> mails = mailsTo(lucia, 2);
      assertThat(mails)
          .extracting(m -> subject(m))
          .containsExactlyInAnyOrder("Semana 3: ES Week 3", "Semana 4: ES Week 4");
      assertThat(text(withSubject(mails, "Semana 3: ES Week 3")))
          .contains("Estimado/a Lucía Fernández", "¿Qué hace **su** biblioteca");
      assertThat(mail(key3).getString("partnershipId")).isEqualTo(partnership);
      await().atMost(WAIT).until(() -> pending(lucia) == null);

      // and the prompt delivered once more now makes no second mail
      upstream.send(week3, UUID.randomUUID().toString());
      mailsTo(lucia, 2);
    }
  }

  @Test
  void shouldTellOfAPlaceGivenBeforeTheRegistrationArrivedOnceItDoes() {
    // given an applicant admitted, with a confirmed email, before messaging had their registration
    String cycle = Upstream.unique("cycle");
    Person kwame = Upstream.notYetRegistered(cycle, "Kwame Boateng", "GH", "Africa/Accra", "es");
    try (TopicReader deadLetters = deadLetters(Topics.REGISTRATION_PARTICIPANTS)) {
      upstream.admitted(kwame, AdmissionRoute.STAFF);
      upstream.verified(kwame);

      // when their registration (waitlisted) arrives
      upstream.registerWaitlisted(kwame, "CAPACITY");

      // then they hear of their place once, in Spanish, never of the waitlist they left
      MimeMessage mail = mailsTo(kwame, 1).get(0);
      assertThat(subject(mail)).isEqualTo("Buenas noticias: tiene usted una plaza en Penpals");
      assertThat(mail("waitlisted:" + kwame.id() + ":registration")).isNull();
      assertThat(about(deadLetters, kwame.id())).isEmpty();
    }
  }

  @Test
  void shouldTellEveryPartnershipNewsThatArrivedBeforeTheRecipientOnceTheyAreKnown()
      throws Exception {
    // given a reporter messaging knows and a partner whose registration has not arrived
    String cycle = Upstream.unique("cycle");
    Person reporter =
        upstream.register(cycle, "Maria José Santos", "PT", "L", "Europe/Lisbon", "en");
    Person yuki = Upstream.notYetRegistered(cycle, "Yuki Sato", "JP", "Asia/Tokyo", "fr");
    awaitKnown(reporter);
    String quiet = Upstream.unique("ps");
    String left = Upstream.unique("ps");
    String completed = Upstream.unique("ps");
    try (TopicReader partnershipDeadLetters = deadLetters(Topics.MATCHING_PARTNERSHIPS);
        TopicReader engagementDeadLetters = deadLetters(Topics.PROMPT_ENGAGEMENT)) {

      // when the reporter has Yuki reminded (answer by 2030-03-15 02:00 UTC; event twice), then
      // that partnership ends quiet, another's partner withdraws, a third completes
      PartnerReminded reminded =
          upstream.reminded(quiet, reporter, Instant.parse("2030-03-15T02:00:00Z"), yuki);
      upstream.send(reminded, UUID.randomUUID().toString());
      String reminderKey = "reminder:" + reminded.reportId() + ":" + yuki.id();
      awaitOwed(yuki, reminderKey);
      upstream.dissolved(quiet, cycle, "QUIET", List.of(yuki), List.of(reporter));
      Person gone = Upstream.notYetRegistered(cycle, "Gone", "GB", "Europe/London", "en");
      upstream.dissolved(left, cycle, "WITHDRAWAL", List.of(gone), List.of(yuki));
      upstream.completed(completed, cycle, yuki);

      // then each mail waits once, and no event reached a dead-letter topic
      String dissolvedKey = "dissolved:" + quiet + ":" + yuki.id();
      String leftKey = "partner-left:" + left + ":" + yuki.id();
      String endedKey = "ended:" + completed + ":" + yuki.id();
      awaitOwed(yuki, dissolvedKey, leftKey, endedKey);
      assertThat(owedKeys(yuki)).hasSize(4).doesNotHaveDuplicates();
      assertThat(about(engagementDeadLetters, quiet)).isEmpty();
      assertThat(about(partnershipDeadLetters, quiet, left, completed)).isEmpty();

      // and once Yuki's registration arrives, each news is mailed once, in French, the reminder
      // with the reporter's first name and the date on Yuki's calendar
      upstream.register(yuki);
      List<MimeMessage> mails = mailsTo(yuki, 4);
      assertThat(
              text(withSubject(mails, "Votre partenaire Penpals aimerait avoir de vos nouvelles")))
          .contains("Maria, votre partenaire", "vendredi 15 mars 2030")
          .doesNotContain("Santos");
      assertThat(text(withSubject(mails, "Votre binôme Penpals a pris fin")))
          .contains("programme@penpals.local");
      withSubject(mails, "Des nouvelles de votre binôme Penpals");
      withSubject(mails, "Merci : votre binôme Penpals a pris fin");
      assertThat(mail(reminderKey).getString("partnershipId")).isEqualTo(quiet);
      await().atMost(WAIT).until(() -> pending(yuki) == null);
      assertThat(smtp.to(reporter.email())).isEmpty();
    }
  }

  @Test
  void shouldDropTheMailsWaitingForAnErasedParticipant() {
    // given a prompt waiting for a participant messaging does not know yet
    String cycle = Upstream.unique("cycle");
    Person erased = Upstream.notYetRegistered(cycle, "Erased Person", "GB", "Europe/London", "en");
    String partnership = Upstream.unique("ps");
    PromptDue due = upstream.due(erased, partnership, 1, false);
    awaitOwed(erased, "prompt:" + due.deliveryId() + ":" + erased.id());

    // when they are erased, and their registration is replayed afterwards
    upstream.send(new ParticipantErased(erased.id(), cycle, 5, Instant.now()));
    await().atMost(WAIT).until(() -> pending(erased) == null);
    upstream.register(erased);
    PromptDue later = upstream.due(erased, partnership, 2, false);

    // then nothing is mailed and nothing waits
    await()
        .during(QUIET)
        .atMost(QUIET.plusSeconds(10))
        .until(() -> smtp.to(erased.email()).isEmpty() && pending(erased) == null);
    assertThat(mail("prompt:" + due.deliveryId() + ":" + erased.id())).isNull();
    assertThat(mail("prompt:" + later.deliveryId() + ":" + erased.id())).isNull();
  }

  @Test
  void shouldTellSomeoneKnownOnlyAfterTheirCycleCompletedThatItEnded() {
    // given a cycle that completed before messaging had two participants' registrations, one of
    // them in a partnership
    String cycle = Upstream.unique("cycle");
    Person late = Upstream.notYetRegistered(cycle, "Ursula Ahn", "KR", "Asia/Seoul", "es");
    Person partnered = Upstream.notYetRegistered(cycle, "Paired One", "GB", "Europe/London", "en");
    Person partner = Upstream.notYetRegistered(cycle, "Paired Two", "KE", "Africa/Nairobi", "en");
    upstream.formed(cycle, partnered, partner);
    upstream.cycleCompleted(cycle, "2030 cycle 9");
    await()
        .atMost(WAIT)
        .until(
            () ->
                database().getCollection("cycles").find(Filters.eq("_id", cycle)).first() != null
                    && database()
                            .getCollection("recipients")
                            .find(Filters.eq("_id", partnered.id()))
                            .first()
                        != null);

    // when their registrations and confirmed emails arrive
    for (Person person : List.of(late, partnered, partner)) {
      upstream.register(person);
      upstream.verified(person);
    }

    // then the one without a partnership is told the cycle ended, once, in Spanish
    assertThat(subject(mailsTo(late, 1).get(0)))
        .isEqualTo("El ciclo 2030 cycle 9 de Penpals ha terminado");
    assertThat(smtp.to(partnered.email())).isEmpty();
    assertThat(smtp.to(partner.email())).isEmpty();
  }
}
