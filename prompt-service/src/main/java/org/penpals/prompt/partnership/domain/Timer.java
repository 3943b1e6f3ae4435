package org.penpals.prompt.partnership.domain;

import java.time.Instant;

/**
 * Something the scheduler must do at a time: send a prompt, check a partnership, tell that a
 * cycle's programme started or ended.
 */
public sealed interface Timer {
  /** When it is due. */
  Instant at();

  /** The plan's prompt {@code number} is due. */
  record Send(String planId, int number, Instant at) implements Timer {}

  /** A week after the check-in: did anybody answer it? */
  record QuietCheck(String partnershipId, Instant at) implements Timer {}

  /** A reported silence's grace period is over: did the partner answer? */
  record ReportCheck(String partnershipId, String reportId, Instant at) implements Timer {}

  /** The cycle's programme starts everywhere ({@code ProgrammeStarted}). */
  record ProgrammeStart(String cycleId, Instant at) implements Timer {}

  /** The cycle's last scheduled week is over everywhere ({@code ProgrammeEnded}). */
  record ProgrammeEnd(String cycleId, Instant at) implements Timer {}
}
