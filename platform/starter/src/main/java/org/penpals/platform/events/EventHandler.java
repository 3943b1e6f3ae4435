package org.penpals.platform.events;

/**
 * Handles one type of integration event. Handlers must be idempotent in effect (upserts, guarded
 * updates): the dispatcher skips events already processed, but a crash between a handler's write
 * and the dedupe marker replays the event once more.
 */
@FunctionalInterface
public interface EventHandler<T> {
  void handle(ReceivedEvent<T> event);
}
