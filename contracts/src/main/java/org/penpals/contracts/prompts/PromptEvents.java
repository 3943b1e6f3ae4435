package org.penpals.contracts.prompts;

import java.util.List;
import org.penpals.contracts.EventType;
import org.penpals.contracts.Topics;

/** The event types prompt-service publishes. */
public final class PromptEvents {
  public static final EventType<PromptsPlanned> PROMPTS_PLANNED =
      new EventType<>(
          "org.penpals.prompts.schedule.planned.v1",
          Topics.PROMPT_DELIVERIES,
          PromptsPlanned.class,
          PromptsPlanned::partnershipId);
  public static final EventType<PromptDue> PROMPT_DUE =
      new EventType<>(
          "org.penpals.prompts.prompt.due.v1",
          Topics.PROMPT_DELIVERIES,
          PromptDue.class,
          PromptDue::partnershipId);
  public static final EventType<CheckInAnswered> CHECK_IN_ANSWERED =
      new EventType<>(
          "org.penpals.prompts.checkin.answered.v1",
          Topics.PROMPT_ENGAGEMENT,
          CheckInAnswered.class,
          CheckInAnswered::partnershipId);
  public static final EventType<PartnershipQuiet> PARTNERSHIP_QUIET =
      new EventType<>(
          "org.penpals.prompts.partnership.quiet.v1",
          Topics.PROMPT_ENGAGEMENT,
          PartnershipQuiet.class,
          PartnershipQuiet::partnershipId);

  public static final EventType<PartnerReminded> PARTNER_REMINDED =
      new EventType<>(
          "org.penpals.prompts.partner.reminded.v1",
          Topics.PROMPT_ENGAGEMENT,
          PartnerReminded.class,
          PartnerReminded::partnershipId);
  public static final EventType<ProgrammeStarted> PROGRAMME_STARTED =
      new EventType<>(
          "org.penpals.prompts.cycle.started.v1",
          Topics.PROMPT_CYCLES,
          ProgrammeStarted.class,
          ProgrammeStarted::cycleId);
  public static final EventType<ProgrammeEnded> PROGRAMME_ENDED =
      new EventType<>(
          "org.penpals.prompts.cycle.ended.v1",
          Topics.PROMPT_CYCLES,
          ProgrammeEnded.class,
          ProgrammeEnded::cycleId);

  public static final List<EventType<?>> ALL =
      List.of(
          PROMPTS_PLANNED,
          PROMPT_DUE,
          CHECK_IN_ANSWERED,
          PARTNERSHIP_QUIET,
          PARTNER_REMINDED,
          PROGRAMME_STARTED,
          PROGRAMME_ENDED);

  private PromptEvents() {}
}
