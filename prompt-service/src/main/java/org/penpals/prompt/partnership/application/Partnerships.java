package org.penpals.prompt.partnership.application;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.prompt.partnership.domain.Answer;
import org.penpals.prompt.partnership.domain.Partnership;

/**
 * Where partnerships live, with their answers and quiet flags. Each write that owes integration
 * events stores them atomically with the change (outbox).
 */
public interface Partnerships {
  Optional<Partnership> find(String id);

  /** Whether the partnership is known (formed, waiting for its cycle, or dissolved). */
  boolean exists(String id);

  List<Partnership> findAll(List<String> ids);

  /** Stores a new partnership with its events; false if it exists already (a replay). */
  boolean insert(Partnership partnership, List<?> events);

  /** Plans a partnership that waited for its cycle; false if it no longer waits. */
  boolean activate(Partnership planned, List<?> events);

  /** Partnerships of a cycle still waiting for registration to describe it. */
  List<Partnership> pendingOf(String cycleId);

  /** Ends a partnership. */
  void dissolve(String id, String reason, Instant at);

  /**
   * Remembers that a partnership we never saw formed was dissolved or completed ({@code status}),
   * so that nothing is planned for it later.
   */
  void tombstone(String id, String cycleId, Partnership.Status status, String reason, Instant at);

  /**
   * Marks a partnership {@code COMPLETED} and closes its open reports, in one write; false if it
   * was dissolved or completed already.
   */
  boolean complete(String id, Instant at);

  /** Records an answer with its events; false if the participant answered that prompt already. */
  boolean recordAnswer(Partnership partnership, Answer answer, List<?> events);

  /** A cycle's answers (check-ins and surveys), by prompt number. */
  Map<Integer, Long> answersPerNumber(String cycleId);

  /**
   * Adds a report with its events (a reminder's {@code PartnerReminded}) unless the partnership is
   * no longer active, its author has an open one, or the partnership's last reminder is no longer
   * {@code lastReminderAt} (another report reminded it meanwhile); false then.
   */
  boolean addReport(
      String id, Partnership.Report report, @Nullable Instant lastReminderAt, List<?> events);

  /**
   * Records what became of one reminder mail of a report (idempotent: the same mail recorded again
   * changes nothing).
   */
  void recordReminderMail(String id, String reportId, Partnership.ReminderMail mail);

  /**
   * Flags the partnership quiet with its events; false if it was flagged for that reason (or that
   * report) already. A flag for a report also closes the report.
   */
  boolean flagQuiet(Partnership partnership, Partnership.QuietFlag flag, List<?> events);

  /** Closes an open report without a flag ({@code RESOLVED} or {@code CLOSED}). */
  void closeReport(String id, String reportId, Partnership.ReportStatus status, Instant at);

  /** The member showed signs of life (wrote to their partner). */
  void memberActive(String id, String participantId, Instant at);

  /** Removes what the partnership holds about an erased member (zone, language, answers). */
  void eraseMember(String id, String participantId);

  /** The cycle's partnerships flagged quiet or with a reported silence, first flagged first. */
  List<Partnership> quietOf(String cycleId);
}
