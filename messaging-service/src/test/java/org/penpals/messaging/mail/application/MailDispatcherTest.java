package org.penpals.messaging.mail.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.penpals.messaging.mail.domain.Delivery;
import org.penpals.messaging.mail.domain.Mail;
import org.penpals.messaging.mail.domain.MailContent;
import org.penpals.messaging.mail.domain.MailKind;
import org.penpals.messaging.mail.domain.MailStatus;

/** The sender's decisions, with an in-memory store and a scripted mail server. */
class MailDispatcherTest {
  static final Instant NOW = Instant.parse("2030-01-01T10:00:00Z");
  final MutableClock clock = new MutableClock();
  final FakeQueue queue = new FakeQueue();
  Function<List<Mail>, Map<String, Delivery>> server = MailDispatcherTest::acceptAll;
  final MailTransport transport =
      new MailTransport() {
        @Override
        public Map<String, Delivery> send(List<Mail> batch) {
          return server.apply(batch);
        }

        @Override
        public int maxBatch() {
          return 10;
        }
      };
  final MailDispatcher dispatcher =
      new MailDispatcher(
          queue,
          transport,
          clock,
          new MailDispatcher.Settings(
              50,
              Duration.ofMinutes(5),
              Duration.ofSeconds(30),
              3,
              Duration.ofSeconds(10),
              Duration.ofSeconds(25)));

  static Map<String, Delivery> acceptAll(List<Mail> batch) {
    Map<String, Delivery> all = new LinkedHashMap<>();
    batch.forEach(m -> all.put(m.id(), Delivery.accepted()));
    return all;
  }

  static Mail mail(String id) {
    return Mail.pending(
        id,
        MailKind.PROMPT,
        "p-1",
        "c-1",
        null,
        "a@example.org",
        "en",
        new MailContent("Subject", "text", "<p>html</p>"),
        NOW);
  }

  void enqueue(String... ids) {
    for (String id : ids) {
      queue.enqueue(mail(id));
      dispatcher.signal(id);
    }
  }

  @Test
  void shouldSendSignalledMailsInBatchesUpToTheTransportsLimit() throws Exception {
    // given 15 stored mails, the transport taking 10 at a time
    for (int i = 0; i < 15; i++) {
      enqueue("m" + i);
    }

    // when the sender runs twice
    int first = dispatcher.runOnce(Duration.ZERO);
    int second = dispatcher.runOnce(Duration.ZERO);

    // then every mail is SENT once
    assertThat(first).isEqualTo(10);
    assertThat(second).isEqualTo(5);
    assertThat(queue.mails.values()).allMatch(m -> m.status() == MailStatus.SENT);
  }

  @Test
  void shouldKeepMailsPendingWithoutCountingAttemptsWhileTheServerIsUnavailable() throws Exception {
    // given a server that is down
    enqueue("m1", "m2");
    server =
        batch -> {
          throw new TransportUnavailable("down", Duration.ofSeconds(30), new RuntimeException());
        };

    // when the sender tries
    dispatcher.runOnce(Duration.ZERO);

    // then the mails wait, no attempt counted against them, and the sender pauses
    assertThat(queue.mails.values())
        .allMatch(m -> m.status() == MailStatus.PENDING && m.attempts() == 0);
    assertThat(dispatcher.runOnce(Duration.ZERO)).isZero();

    // when the server is back after the pause
    server = MailDispatcherTest::acceptAll;
    clock.advance(Duration.ofSeconds(31));
    dispatcher.runOnce(Duration.ZERO);

    // then both go out
    assertThat(queue.mails.values()).allMatch(m -> m.status() == MailStatus.SENT);
  }

  @Test
  void shouldFailAPermanentlyRefusedMailAtOnce() throws Exception {
    // given a mailbox that does not exist
    enqueue("m1");
    server = batch -> Map.of("m1", new Delivery.Rejected("550 5.1.1 mailbox unavailable"));

    // when the sender tries
    dispatcher.runOnce(Duration.ZERO);

    // then it is FAILED with the reason, never tried again
    Mail failed = queue.mails.get("m1");
    assertThat(failed.status()).isEqualTo(MailStatus.FAILED);
    assertThat(failed.failure()).contains("550");
    clock.advance(Duration.ofHours(1));
    assertThat(dispatcher.runOnce(Duration.ZERO)).isZero();
  }

  @Test
  void shouldRetryATransientRefusalWithBackoffAndGiveUpAfterTheLastAttempt() throws Exception {
    // given a server that keeps deferring one mail
    enqueue("m1");
    server = batch -> Map.of("m1", new Delivery.Deferred("451 try later"));

    // when the sender tries, and again after each backoff
    dispatcher.runOnce(Duration.ZERO);
    assertThat(queue.mails.get("m1").attempts()).isEqualTo(1);
    assertThat(dispatcher.runOnce(Duration.ZERO)).isZero(); // not due yet
    clock.advance(Duration.ofSeconds(10));
    dispatcher.runOnce(Duration.ZERO);
    assertThat(queue.mails.get("m1").attempts()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(20));
    dispatcher.runOnce(Duration.ZERO);

    // then it is FAILED after the third attempt
    assertThat(queue.mails.get("m1").status()).isEqualTo(MailStatus.FAILED);
    assertThat(queue.mails.get("m1").failure()).contains("gave up after 3 attempts");
  }

  @Test
  void shouldCapTheBackoff() {
    assertThat(dispatcher.backoff(1)).isEqualTo(Duration.ofSeconds(10));
    assertThat(dispatcher.backoff(2)).isEqualTo(Duration.ofSeconds(20));
    assertThat(dispatcher.backoff(3)).isEqualTo(Duration.ofSeconds(25));
    assertThat(dispatcher.backoff(60)).isEqualTo(Duration.ofSeconds(25));
  }

  @Test
  void shouldPickUpMailsStoredByOthersOnTheSweep() throws Exception {
    // given a mail stored by another instance (no signal here)
    queue.enqueue(mail("elsewhere"));

    // when the sender runs
    dispatcher.runOnce(Duration.ZERO);
    dispatcher.runOnce(Duration.ZERO);

    // then the sweep found and sent it
    assertThat(queue.mails.get("elsewhere").status()).isEqualTo(MailStatus.SENT);
  }

  static final class MutableClock extends Clock {
    Instant now = NOW;

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  /** The store's contract, in memory. */
  static final class FakeQueue implements MailQueue {
    final Map<String, Mail> mails = new LinkedHashMap<>();
    final Map<String, Instant> due = new LinkedHashMap<>();
    final Map<String, String> leases = new LinkedHashMap<>();

    private Mail with(Mail m, MailStatus status, int attempts, @Nullable String failure) {
      return new Mail(
          m.id(),
          m.kind(),
          m.participantId(),
          m.cycleId(),
          m.partnershipId(),
          m.to(),
          m.locale(),
          m.content(),
          status,
          attempts,
          m.resends(),
          m.createdAt(),
          m.sentAt(),
          failure);
    }

    @Override
    public boolean enqueue(Mail mail) {
      due.put(mail.id(), mail.createdAt());
      return mails.putIfAbsent(mail.id(), mail) == null;
    }

    @Override
    public Optional<Mail> find(String id) {
      return Optional.ofNullable(mails.get(id));
    }

    @Override
    public List<Mail> claim(Collection<String> ids, String lease, Instant until, Instant now) {
      List<Mail> claimed = new ArrayList<>();
      for (String id : ids) {
        Mail m = mails.get(id);
        if (m != null && m.status() == MailStatus.PENDING && !due.get(id).isAfter(now)) {
          Mail sending = with(m, MailStatus.SENDING, m.attempts(), null);
          mails.put(id, sending);
          leases.put(id, lease);
          claimed.add(sending);
        }
      }
      return claimed;
    }

    @Override
    public List<String> due(Instant now, int limit) {
      return mails.values().stream()
          .filter(m -> m.status() == MailStatus.PENDING && !due.get(m.id()).isAfter(now))
          .map(Mail::id)
          .limit(limit)
          .toList();
    }

    @Override
    public boolean sent(Mail mail, String lease, Instant at) {
      mails.put(mail.id(), with(mails.get(mail.id()), MailStatus.SENT, mail.attempts(), null));
      return true;
    }

    @Override
    public boolean failed(Mail mail, String lease, String reason, Instant at) {
      mails.put(mail.id(), with(mails.get(mail.id()), MailStatus.FAILED, mail.attempts(), reason));
      return true;
    }

    @Override
    public void retryLater(
        String id, String lease, Instant notBefore, @Nullable String reason, boolean count) {
      Mail m = mails.get(id);
      mails.put(id, with(m, MailStatus.PENDING, m.attempts() + (count ? 1 : 0), reason));
      due.put(id, notBefore);
    }

    @Override
    public List<Mail> ofParticipant(String participantId, @Nullable String cycleId, int limit) {
      return List.of();
    }

    @Override
    public List<Mail> failures(@Nullable String cycleId, int limit) {
      return List.of();
    }

    @Override
    public boolean resend(String id, String to, Instant now) {
      return false;
    }

    @Override
    public void erase(String participantId, Collection<String> partnershipIds) {}

    @Override
    public List<Mail> notices(String participantId, int limit) {
      return List.of();
    }
  }
}
