package org.penpals.registration.cycle.adapter.in.messaging;

import java.util.function.Consumer;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.registration.cycle.application.CycleService;
import org.springframework.messaging.Message;

/**
 * Follows programme time (prompt-service keeps the clock): a published cycle runs when the
 * programme starts and completes when it ends. A fact that arrives before the cycle is published is
 * kept on the cycle and applied then.
 */
public final class ProgrammeListener {
  public static final String GROUP = MatchingListener.GROUP;

  private ProgrammeListener() {}

  public static Consumer<Message<byte[]>> of(EventDispatcher.Factory events, CycleService cycles) {
    return events
        .forGroup(GROUP)
        .on(
            PromptEvents.PROGRAMME_STARTED,
            e -> cycles.programmeStarted(e.data().cycleId(), e.data().startedAt()))
        .on(
            PromptEvents.PROGRAMME_ENDED,
            e -> cycles.programmeEnded(e.data().cycleId(), e.data().endedAt()))
        .build();
  }
}
