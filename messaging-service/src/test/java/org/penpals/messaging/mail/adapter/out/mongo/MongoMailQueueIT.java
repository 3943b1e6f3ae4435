package org.penpals.messaging.mail.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.messaging.mail.domain.Mail;
import org.penpals.messaging.mail.domain.MailContent;
import org.penpals.messaging.mail.domain.MailKind;
import org.penpals.messaging.mail.domain.MailStatus;
import org.penpals.messaging.support.AllAtOnce;
import org.penpals.messaging.support.OwnDatabase;
import org.penpals.platform.outbox.Outbox;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mail queue's concurrency rules against the MongoDB-wire server: two senders never hold the
 * same mail, a lease that ran out passes to another sender and the old holder can no longer record
 * an outcome, a sent mail is never claimed again. Uses a database of its own so the running
 * service's dispatcher never sees these mails.
 */
@PenpalsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoMailQueueIT {
  private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(5);

  @Autowired Outbox outbox;
  private OwnDatabase own;
  private MongoDatabase database;
  private MongoMailQueue queue;

  @BeforeAll
  void queue() {
    own = new OwnDatabase("mail-queue-it", MongoMailQueue.indexes());
    database = own.database();
    queue = new MongoMailQueue(database, outbox);
  }

  @AfterAll
  void drop() {
    own.close();
  }

  private List<String> enqueue(int count) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String id = "prompt:" + UUID.randomUUID() + ":p" + i;
      Mail mail =
          Mail.pending(
              id,
              MailKind.PROMPT,
              "p" + i,
              "cycle",
              "partnership",
              "p" + i + "@example.org",
              "en",
              new MailContent("Week 1", "text", "<p>html</p>"),
              T0);
      assertThat(queue.enqueue(mail)).isTrue();
      ids.add(id);
    }
    return ids;
  }

  @Test
  void shouldGiveEachMailToOneSenderWhenSeveralClaimTheSameMailsAtOnce() throws Exception {
    // given 200 due mails
    List<String> ids = enqueue(200);

    // when four senders claim all of them at the same moment
    ConcurrentLinkedQueue<String> claimed = new ConcurrentLinkedQueue<>();
    AllAtOnce.run(
        4,
        sender ->
            queue
                .claim(ids, "sender-" + sender, T0.plus(LEASE), T0.plusSeconds(1))
                .forEach(mail -> claimed.add(mail.id())));

    // then every mail went to exactly one of them
    assertThat(claimed).hasSize(ids.size()).doesNotHaveDuplicates();
    assertThat(new HashSet<>(claimed)).isEqualTo(new HashSet<>(ids));
    assertThat(queue.find(ids.get(0)).orElseThrow().status()).isEqualTo(MailStatus.SENDING);
  }

  @Test
  void shouldPassAMailWhoseLeaseRanOutToAnotherSenderAndRefuseTheOldHoldersOutcome() {
    // given a mail claimed by a sender that then vanished
    String id = enqueue(1).get(0);
    Instant claimedAt = T0.plusSeconds(1);
    assertThat(queue.claim(List.of(id), "first", claimedAt.plus(LEASE), claimedAt)).hasSize(1);

    // when another sender looks while the lease holds, and again after it ran out
    Instant before = claimedAt.plus(LEASE).minusSeconds(1);
    Instant after = claimedAt.plus(LEASE).plusSeconds(1);
    List<Mail> tooEarly = queue.claim(List.of(id), "second", before.plus(LEASE), before);
    List<Mail> taken = queue.claim(List.of(id), "second", after.plus(LEASE), after);

    // then only the second look takes it, and only the new holder can record the outcome
    assertThat(tooEarly).isEmpty();
    assertThat(taken).extracting(Mail::id).containsExactly(id);
    Mail mail = taken.get(0);
    assertThat(queue.sent(mail, "first", after)).isFalse();
    assertThat(queue.sent(mail, "second", after)).isTrue();
    Document stored =
        database.getCollection(MongoMailQueue.COLLECTION).find(Filters.eq("_id", id)).first();
    assertThat(stored.getString("status")).isEqualTo("SENT");
    assertThat(stored.getList(Outbox.FIELD, Document.class)).hasSize(1);
  }

  @Test
  void shouldNeverClaimASentMailAgainAndWaitForARetrysTime() {
    // given one mail sent and one put back to retry in ten minutes
    List<String> ids = enqueue(2);
    String sent = ids.get(0);
    String retried = ids.get(1);
    Instant now = T0.plusSeconds(1);
    List<Mail> batch = queue.claim(ids, "lease", now.plus(LEASE), now);
    assertThat(batch).hasSize(2);
    assertThat(
            queue.sent(batch.get(0).id().equals(sent) ? batch.get(0) : batch.get(1), "lease", now))
        .isTrue();
    queue.retryLater(retried, "lease", now.plus(Duration.ofMinutes(10)), "451 try later", true);

    // when senders look before and after the retry time, long after every lease ran out
    Set<String> early =
        ids(
            queue.claim(
                ids, "a", now.plus(Duration.ofMinutes(9)), now.plus(Duration.ofMinutes(9))));
    Instant later = now.plus(Duration.ofHours(2));
    Set<String> late = ids(queue.claim(ids, "b", later.plus(LEASE), later));

    // then the sent mail stays sent, and the other comes back once, when due, with its attempt
    assertThat(early).isEmpty();
    assertThat(late).containsExactly(retried);
    assertThat(queue.find(sent).orElseThrow().status()).isEqualTo(MailStatus.SENT);
    assertThat(queue.find(retried).orElseThrow().attempts()).isEqualTo(1);
  }

  @Test
  void shouldServeEveryHotPathFilterFromAnIndexOfExactlyItsFields() {
    // the embedded server scans the collection unless a filter's fields equal an index's fields
    // (ADR 0011): the claim's {_id, rev} and the outcome's {_id, lease} each need their own
    Set<Set<String>> indexed = new HashSet<>();
    database
        .getCollection(MongoMailQueue.COLLECTION)
        .listIndexes()
        .forEach(index -> indexed.add(index.get("key", Document.class).keySet()));
    assertThat(indexed).contains(Set.of("_id"), Set.of("_id", "rev"), Set.of("_id", "lease"));
  }

  private static Set<String> ids(List<Mail> mails) {
    Set<String> ids = new HashSet<>();
    mails.forEach(m -> ids.add(m.id()));
    return ids;
  }
}
