package org.penpals.registration.cycle.adapter.in.messaging;

import java.util.function.Consumer;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.registration.cycle.application.CycleService;
import org.springframework.messaging.Message;

/** Follows matching: when a cycle's matches are published, its applications freeze. */
public final class MatchingListener {
  public static final String GROUP = "registration-service";

  private MatchingListener() {}

  public static Consumer<Message<byte[]>> of(EventDispatcher.Factory events, CycleService cycles) {
    return events
        .forGroup(GROUP)
        .on(MatchingEvents.MATCHES_PUBLISHED, e -> cycles.matchesPublished(e.data().cycleId()))
        .build();
  }
}
