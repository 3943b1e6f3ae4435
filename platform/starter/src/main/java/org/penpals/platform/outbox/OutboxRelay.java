package org.penpals.platform.outbox;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.lte;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Publishes the events waiting in aggregate documents ({@link Outbox}) and removes each one once
 * the broker acknowledged it: at least once, in order per document.
 *
 * <p>Two paths feed it, both on one relay thread per instance (so one instance never publishes a
 * document's events concurrently with itself):
 *
 * <ul>
 *   <li><b>signals</b> — the instance that wrote a document signals it; published within
 *       milliseconds;
 *   <li><b>sweeps</b> — every {@code sweep-interval}, and after a failure, documents whose oldest
 *       pending entry is older than {@code stale-after} are taken, whoever wrote them; a ShedLock
 *       lock lets one instance sweep at a time. Sweeps recover everything a crash or an outage left
 *       behind.
 * </ul>
 *
 * A crash between the broker's acknowledgement and the removal republishes the entry on the next
 * round: consumers deduplicate on the event id.
 */
public final class OutboxRelay implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
  private static final String SWEEP_LOCK = "outbox-sweep";

  /** A signalled document; {@code entries} when the writer knows them to be all it owes. */
  private record Ref(String collection, String id, @Nullable List<Document> entries) {}

  /** What one round did; for tests and metrics. */
  public record Round(int documents, int published, boolean failed) {
    static final Round EMPTY = new Round(0, 0, false);

    Round plus(Round other) {
      return new Round(
          documents + other.documents, published + other.published, failed || other.failed);
    }
  }

  private final MongoDatabase database;
  private final List<String> collections;
  private final OutboxPublisher publisher;
  private final @Nullable LockProvider lockProvider;
  private final OutboxProperties properties;
  private final Clock clock;
  private final BlockingQueue<Ref> signals = new LinkedBlockingQueue<>(100_000);
  private final Counter published;
  private final Counter failures;
  private final Timer lag;

  private volatile boolean running;
  private @Nullable Thread thread;
  private Instant nextSweep = Instant.MIN;
  private Duration backoff = Duration.ZERO;
  private int idleSweeps;
  private Instant lastSweep = Instant.EPOCH;
  private static final int MAX_SWEEP_DEFERRAL = 6;

  public OutboxRelay(
      MongoDatabase database,
      List<String> collections,
      OutboxPublisher publisher,
      @Nullable LockProvider lockProvider,
      OutboxProperties properties,
      Clock clock,
      MeterRegistry meters) {
    this.database = database;
    this.collections = List.copyOf(collections);
    this.publisher = publisher;
    this.lockProvider = lockProvider;
    this.properties = properties;
    this.clock = clock;
    this.published =
        Counter.builder("penpals.outbox.published")
            .description("events relayed to Kafka")
            .register(meters);
    this.failures =
        Counter.builder("penpals.outbox.failures")
            .description("relay rounds that could not publish everything")
            .register(meters);
    this.lag =
        Timer.builder("penpals.outbox.lag")
            .description("time from the state change to the broker's acknowledgement")
            .publishPercentiles(0.5, 0.99)
            .register(meters);
    meters.gauge("penpals.outbox.signals", signals, BlockingQueue::size);
  }

  /** The collections whose documents carry an outbox. */
  public List<String> collections() {
    return collections;
  }

  void signal(String collection, String id, @Nullable List<Document> entries) {
    if (!collections.contains(collection)) {
      throw new IllegalArgumentException(collection + " is not registered as an outbox collection");
    }
    if (!signals.offer(new Ref(collection, id, entries))) {
      nextSweep = Instant.MIN; // queue full: the next sweep takes it
    }
  }

  // ---------------------------------------------------------------- the loop

  private void loop() {
    while (running) {
      try {
        Ref first = signals.poll(200, TimeUnit.MILLISECONDS);
        if (!running) {
          break;
        }
        Round round = Round.EMPTY;
        if (first != null && backoff.isZero()) {
          List<Ref> refs = new ArrayList<>();
          refs.add(first);
          signals.drainTo(refs, properties.batchSize() - 1);
          round = relaySignalled(refs);
        }
        Instant now = clock.instant();
        boolean busy = first != null || !signals.isEmpty();
        boolean overdue =
            now.isAfter(
                lastSweep.plus(properties.sweepInterval().multipliedBy(MAX_SWEEP_DEFERRAL)));
        // while signalled documents keep the relay busy, sweeps wait (the fast path is doing the
        // work, and on the embedded server a sweep scans); never longer than a few intervals
        if (!now.isBefore(nextSweep) && (!busy || overdue || !backoff.isZero())) {
          Round swept = sweep();
          round = round.plus(swept);
          lastSweep = clock.instant();
          // idle sweeps back off (up to 16x the interval): on the embedded server a sweep scans
          idleSweeps = swept.documents() == 0 && !swept.failed() ? idleSweeps + 1 : 0;
          nextSweep =
              swept.documents() >= properties.batchSize()
                  ? Instant.MIN // more waiting: go on at once
                  : clock
                      .instant()
                      .plus(properties.sweepInterval().multipliedBy(1L << Math.min(idleSweeps, 4)));
        }
        if (round.failed()) {
          backoff =
              backoff.isZero()
                  ? Duration.ofMillis(500)
                  : min(backoff.multipliedBy(2), properties.maxBackoff());
          nextSweep = clock.instant().plus(backoff);
          log.warn("outbox relay could not publish; retrying in {}", backoff);
          signals.clear(); // the sweep after the backoff takes everything still pending
          idleSweeps = 0;
        } else if (!backoff.isZero() && round.documents() > 0) {
          log.info("outbox relay publishing again");
          backoff = Duration.ZERO;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        log.error("outbox relay round failed", e);
        failures.increment();
        nextSweep = clock.instant().plus(Duration.ofSeconds(1));
      }
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) < 0 ? a : b;
  }

  // ---------------------------------------------------------------- rounds

  /**
   * Publishes what the given documents hold: from the signal itself for a document signalled once
   * with its entries (a fresh insert), otherwise read by {@code _id}.
   */
  Round relaySignalled(List<Ref> refs) {
    Map<String, Map<String, List<Ref>>> byCollection = new LinkedHashMap<>();
    for (Ref ref : refs) {
      byCollection
          .computeIfAbsent(ref.collection(), c -> new LinkedHashMap<>())
          .computeIfAbsent(ref.id(), id -> new ArrayList<>())
          .add(ref);
    }
    Round round = Round.EMPTY;
    for (var entry : byCollection.entrySet()) {
      List<Document> docs = new ArrayList<>();
      Set<String> toRead = new LinkedHashSet<>();
      entry
          .getValue()
          .forEach(
              (id, signalled) -> {
                List<Document> known = signalled.size() == 1 ? signalled.get(0).entries() : null;
                if (known != null) {
                  docs.add(new Document("_id", id).append(Outbox.FIELD, known));
                } else {
                  toRead.add(id);
                }
              });
      if (!toRead.isEmpty()) {
        database
            .getCollection(entry.getKey())
            // by _id only: the embedded server uses its index for nothing more complex
            .find(in("_id", toRead))
            .projection(Projections.include(Outbox.FIELD))
            .into(docs);
      }
      round = round.plus(publish(entry.getKey(), docs));
      if (round.failed()) {
        break;
      }
    }
    return round;
  }

  /**
   * Takes pending documents nobody signalled (older than {@code stale-after}), if this instance
   * gets the sweep lock.
   */
  public Round sweep() {
    Optional<SimpleLock> lock = lock();
    if (lock.isEmpty()) {
      return Round.EMPTY;
    }
    try {
      Date staleBefore = Date.from(clock.instant().minus(properties.staleAfter()));
      Round round = Round.EMPTY;
      for (String collection : collections) {
        List<Document> docs =
            database
                .getCollection(collection)
                .find(lte(Outbox.TIME, staleBefore))
                .limit(properties.batchSize())
                .projection(Projections.include(Outbox.FIELD))
                .into(new ArrayList<>());
        round = round.plus(publish(collection, docs));
        if (round.failed()) {
          break;
        }
      }
      return round;
    } finally {
      lock.get().unlock();
    }
  }

  private Optional<SimpleLock> lock() {
    if (lockProvider == null) {
      return Optional.of(() -> {});
    }
    return lockProvider.lock(
        new LockConfiguration(clock.instant(), SWEEP_LOCK, Duration.ofMinutes(2), Duration.ZERO));
  }

  /**
   * Publishes the documents' entries in order and removes the acknowledged ones. Stops at the first
   * failure: nothing after a failed entry of a document is removed.
   */
  Round publish(String collection, List<Document> docs) {
    if (docs.isEmpty()) {
      return Round.EMPTY;
    }
    record Sent(Document doc, List<OutboxEntry> entries, List<CompletableFuture<?>> acks) {}
    List<Sent> sent = new ArrayList<>(docs.size());
    boolean failed = false;
    for (Document doc : docs) {
      List<OutboxEntry> entries =
          doc.getList(Outbox.FIELD, Document.class, List.of()).stream()
              .map(OutboxEntry::fromDocument)
              .toList();
      if (entries.isEmpty()) {
        continue; // published meanwhile
      }
      List<CompletableFuture<?>> acks = new ArrayList<>(entries.size());
      try {
        for (OutboxEntry entry : entries) {
          acks.add(publisher.publish(entry));
        }
      } catch (RuntimeException e) {
        log.debug("could not hand an event to the producer", e);
        failed = true;
      }
      sent.add(new Sent(doc, entries, acks));
      if (failed) {
        break;
      }
    }
    try {
      CompletableFuture.allOf(
              sent.stream()
                  .flatMap(s -> s.acks().stream())
                  .map(f -> f.exceptionally(e -> null))
                  .toArray(CompletableFuture[]::new))
          .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (Exception e) {
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      failed = true;
    }

    List<WriteModel<Document>> removals = new ArrayList<>();
    int count = 0;
    Instant now = clock.instant();
    for (Sent s : sent) {
      List<String> acknowledged = new ArrayList<>();
      for (int i = 0; i < s.acks().size(); i++) {
        CompletableFuture<?> ack = s.acks().get(i);
        if (!ack.isDone() || ack.isCompletedExceptionally()) {
          failed = true;
          break; // keep order: nothing after a failed entry is removed
        }
        OutboxEntry entry = s.entries().get(i);
        acknowledged.add(entry.id());
        lag.record(Duration.between(entry.time(), now));
      }
      if (acknowledged.isEmpty()) {
        continue;
      }
      Object id = s.doc().get("_id");
      Bson pull = Updates.pull(Outbox.FIELD, new Document("id", new Document("$in", acknowledged)));
      removals.add(new UpdateOneModel<>(eq("_id", id), pull));
      count += acknowledged.size();
    }
    if (!removals.isEmpty()) {
      database.getCollection(collection).bulkWrite(removals);
    }
    published.increment(count);
    if (failed) {
      failures.increment();
    }
    return new Round(sent.size(), count, failed);
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void start() {
    if (running || !properties.enabled()) {
      return;
    }
    running = true;
    Thread t = new Thread(this::loop, "outbox-relay");
    t.setDaemon(true);
    thread = t;
    t.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
      try {
        t.join(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  /**
   * Start before, and stop after, the web server: requests still draining get their events relayed.
   */
  @Override
  public int getPhase() {
    return SmartLifecycle.DEFAULT_PHASE - 4096;
  }
}
