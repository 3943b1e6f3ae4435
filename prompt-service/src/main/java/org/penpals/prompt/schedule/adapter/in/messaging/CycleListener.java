package org.penpals.prompt.schedule.adapter.in.messaging;

import java.time.DateTimeException;
import java.util.function.Consumer;
import org.penpals.contracts.registration.CycleDetails;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.platform.events.PoisonEventException;
import org.penpals.prompt.schedule.application.ScheduleService;
import org.penpals.prompt.schedule.domain.Cadence;
import org.penpals.prompt.schedule.domain.KnownCycle;
import org.penpals.prompt.schedule.domain.ProgrammeCalendar;
import org.springframework.messaging.Message;

/**
 * Follows registration's cycle events: the settings a cycle's schedule is made from. Every event
 * carries the whole cycle, so the latest one wins; replays are harmless.
 */
public final class CycleListener {
  public static final String GROUP = "prompt-service";

  private CycleListener() {}

  /**
   * @param known called with the cycle id after each event (partnerships formed before registration
   *     described the cycle get planned then)
   */
  public static Consumer<Message<byte[]>> of(
      EventDispatcher.Factory events, ScheduleService schedules, Consumer<String> known) {
    return events
        .forGroup(GROUP)
        .on(
            RegistrationEvents.CYCLE_DRAFTED,
            e -> changed(schedules, known, e.data().cycleId(), e.data().cycle()))
        .on(
            RegistrationEvents.CYCLE_UPDATED,
            e -> changed(schedules, known, e.data().cycleId(), e.data().cycle()))
        .on(
            RegistrationEvents.CYCLE_OPENED,
            e -> changed(schedules, known, e.data().cycleId(), e.data().cycle()))
        .on(
            RegistrationEvents.CYCLE_CLOSED,
            e -> changed(schedules, known, e.data().cycleId(), e.data().cycle()))
        .build();
  }

  private static void changed(
      ScheduleService schedules, Consumer<String> known, String cycleId, CycleDetails d) {
    ProgrammeCalendar calendar;
    try {
      calendar =
          new ProgrammeCalendar(
              d.partnershipStartsOn(),
              d.lengthWeeks(),
              Cadence.valueOf(d.promptCadence().name()),
              d.promptWeekday(),
              d.promptLocalHour());
    } catch (IllegalArgumentException | DateTimeException e) {
      throw new PoisonEventException("cycle " + cycleId + " has an impossible calendar", e);
    }
    schedules.cycleChanged(new KnownCycle(cycleId, d.name(), calendar, d.status().name()));
    known.accept(cycleId);
  }
}
