package org.penpals.messaging.mail.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.messaging.directory.domain.Prompt;
import org.penpals.messaging.mail.application.OwedMail;
import org.penpals.messaging.mail.application.ProgrammeMail.DissolvedBecause;
import org.penpals.messaging.support.AllAtOnce;
import org.penpals.messaging.support.OwnDatabase;

/**
 * Mails owed to participants not known yet, against the MongoDB-wire server: each kind read back as
 * it was kept, a key kept once however often its cause arrives, causes recorded at the same moment
 * all kept, and a participant's entries forgotten by key or all at once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoPendingMailsIT {
  private OwnDatabase database;
  private MongoPendingMails pending;

  @BeforeAll
  void pending() {
    database = new OwnDatabase("pending-mails-it", MongoPendingMails.indexes());
    pending = new MongoPendingMails(database.database());
  }

  @AfterAll
  void drop() {
    database.close();
  }

  private static String participant() {
    return "p-" + UUID.randomUUID();
  }

  private long documents(String participantId) {
    return database
        .database()
        .getCollection(MongoPendingMails.COLLECTION)
        .countDocuments(Filters.eq("_id", participantId));
  }

  @Test
  void shouldReadBackEveryKindOfOwedMailAsItWasKept() {
    // given one owed mail of each kind for a participant
    String p = participant();
    Prompt prompt =
        new Prompt(
            "PROMPT",
            "Week 3",
            "What does **your** library do?",
            Map.of("es", new Prompt.Text("Semana 3", "¿Qué hace su biblioteca?")));
    List<OwedMail> owed =
        List.of(
            new OwedMail.Waitlisted(p, "cycle", "run-7"),
            new OwedMail.WeeklyPrompt(
                p, "cycle", "ps-1", "d-1", 3, prompt, Instant.parse("2030-03-18T08:00:00Z"), true),
            new OwedMail.PartnerLeft(p, "cycle", "ps-2", List.of("q", "r")),
            new OwedMail.Dissolved(p, "cycle", "ps-3", DissolvedBecause.QUIET),
            new OwedMail.Ended(p, "cycle", "ps-4"),
            new OwedMail.Reminder(
                p, "cycle", "ps-5", "report-1", "reporter", Instant.parse("2030-03-15T02:00:00Z")));

    // when they are kept
    owed.forEach(pending::add);

    // then they read back equal, in the order their causes arrived, from one document
    assertThat(pending.of(p)).containsExactlyElementsOf(owed);
    assertThat(documents(p)).isEqualTo(1);
  }

  @Test
  void shouldKeepAKeyOnceWhenItsCauseArrivesAgain() {
    // given an owed mail
    String p = participant();
    OwedMail waitlisted = new OwedMail.Waitlisted(p, "cycle", "run-1");
    assertThat(pending.add(waitlisted)).isTrue();

    // when its cause arrives again
    boolean again = pending.add(new OwedMail.Waitlisted(p, "cycle", "run-1"));

    // then nothing more is kept
    assertThat(again).isFalse();
    assertThat(pending.of(p)).containsExactly(waitlisted);
  }

  @Test
  void shouldKeepEveryCauseRecordedAtTheSameMoment() throws Exception {
    // given eight causes for one participant, each delivered on two threads at once
    String p = participant();
    AtomicInteger kept = new AtomicInteger();

    // when they are all recorded at once
    AllAtOnce.run(
        16,
        thread -> {
          if (pending.add(new OwedMail.Ended(p, "cycle", "ps-" + (thread % 8)))) {
            kept.incrementAndGet();
          }
        });

    // then each key is kept once, none lost
    assertThat(kept).hasValue(8);
    assertThat(pending.of(p)).extracting(OwedMail::key).hasSize(8).doesNotHaveDuplicates();
  }

  @Test
  void shouldForgetWhatWasMadeAndKeepWhatArrivedSince() {
    // given two owed mails
    String p = participant();
    OwedMail first = new OwedMail.Ended(p, "cycle", "ps-1");
    OwedMail second = new OwedMail.Ended(p, "cycle", "ps-2");
    pending.add(first);
    pending.add(second);

    // when the first is made and forgotten
    pending.remove(p, List.of(first.key()));

    // then the second still waits; forgetting it too removes the document
    assertThat(pending.of(p)).containsExactly(second);
    pending.remove(p, List.of(second.key()));
    assertThat(pending.of(p)).isEmpty();
    assertThat(documents(p)).isZero();
  }

  @Test
  void shouldForgetEverythingOfAnErasedParticipant() {
    // given owed mails of two participants
    String erased = participant();
    String other = participant();
    pending.add(new OwedMail.Ended(erased, "cycle", "ps-1"));
    pending.add(new OwedMail.Ended(other, "cycle", "ps-1"));

    // when one is erased
    pending.erase(erased);

    // then only theirs are gone
    assertThat(pending.of(erased)).isEmpty();
    assertThat(documents(erased)).isZero();
    assertThat(pending.of(other)).hasSize(1);
  }
}
