package org.penpals.platform.outbox;

import java.util.concurrent.CompletableFuture;

/** Sends one outbox entry to the broker; the future completes once the broker acknowledged it. */
@FunctionalInterface
public interface OutboxPublisher {
  CompletableFuture<?> publish(OutboxEntry entry);
}
