package org.penpals.registration.participant.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.Randomness;
import org.penpals.platform.domain.StateConflict;
import org.penpals.platform.domain.Violation;
import org.penpals.registration.cycle.application.CycleRepository;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.participant.domain.Admission;
import org.penpals.registration.participant.domain.Participant;

/**
 * Imports applications collected elsewhere (a form tool's CSV). All or nothing: every row is
 * validated first; if any is rejected, nothing is imported and the report says which rows and why.
 * Imported applicants are registered like applicants of the public form (capacity and country cap
 * apply; they confirm their email), without the window check.
 */
public class ImportService {
  private final CycleRepository cycles;
  private final ParticipantRepository participants;
  private final ImportRepository imports;
  private final ApplyService apply;
  private final Clock clock;

  public ImportService(
      CycleRepository cycles,
      ParticipantRepository participants,
      ImportRepository imports,
      ApplyService apply,
      Clock clock) {
    this.cycles = cycles;
    this.participants = participants;
    this.imports = imports;
    this.apply = apply;
    this.clock = clock;
  }

  /** A rejected row. */
  public record Rejected(int line, List<Violation> errors) {}

  /** What an import did (or, dry, would do). */
  public record Report(
      String importId, int rows, int imported, int admitted, int waitlisted, boolean dryRun) {}

  /** The file was refused as a whole: these rows are wrong. */
  public static class Rejection extends RuntimeException {
    private final int rows;
    private final List<Rejected> rejected;

    public Rejection(int rows, List<Rejected> rejected) {
      super(rejected.size() + " of " + rows + " rows are invalid; nothing was imported");
      this.rows = rows;
      this.rejected = List.copyOf(rejected);
    }

    public int rows() {
      return rows;
    }

    public List<Rejected> rejected() {
      return rejected;
    }
  }

  public Report importCsv(String cycleId, String csv, boolean dryRun) {
    Cycle cycle =
        cycles.find(cycleId).orElseThrow(() -> new NotFound("cycle " + cycleId, "cycleId"));
    if (!cycle.status().beforeMatching()) {
      throw new StateConflict("applications cannot be imported once matching has started");
    }
    List<ApplicationCsv.Row> rows = ApplicationCsv.parse(csv, clock.instant());
    if (rows.isEmpty()) {
      throw new Rejection(
          0, List.of(new Rejected(1, List.of(new Violation("file", "has no rows")))));
    }
    List<Rejected> rejected = new ArrayList<>();
    Map<String, Integer> firstLineOfEmail = new HashMap<>();
    for (ApplicationCsv.Row row : rows) {
      List<Violation> errors = new ArrayList<>(row.violations());
      String email = row.email();
      if (email != null && !email.isEmpty()) {
        Integer first = firstLineOfEmail.putIfAbsent(email, row.line());
        if (first != null) {
          errors.add(new Violation("email", "appears again (first on line " + first + ")"));
        } else if (participants.findByEmail(cycleId, email).isPresent()) {
          errors.add(new Violation("email", "has already applied to this cycle"));
        }
      }
      if (!errors.isEmpty()) {
        rejected.add(new Rejected(row.line(), errors));
      }
    }
    if (!rejected.isEmpty()) {
      throw new Rejection(rows.size(), rejected);
    }
    if (dryRun) {
      return new Report("", rows.size(), 0, 0, 0, true);
    }
    String importId = Randomness.uuidString();
    imports.stage(importId, cycleId, csv);
    Report report = materialise(importId, cycle, rows);
    imports.markDone(importId);
    return report;
  }

  /** Finishes imports a crash interrupted. */
  public int resumePending() {
    int resumed = 0;
    for (ImportRepository.Staged staged : imports.pending()) {
      cycles
          .find(staged.cycleId())
          .ifPresent(
              cycle ->
                  materialise(
                      staged.importId(),
                      cycle,
                      ApplicationCsv.parse(staged.csv(), clock.instant())));
      imports.markDone(staged.importId());
      resumed++;
    }
    return resumed;
  }

  private Report materialise(String importId, Cycle cycle, List<ApplicationCsv.Row> rows) {
    int admitted = 0;
    int waitlisted = 0;
    for (ApplicationCsv.Row row : rows) {
      if (row.form() == null) {
        continue;
      }
      String id = importId + "-" + row.line();
      if (participants.find(id).isPresent()) {
        continue; // done before a restart
      }
      Participant p = apply.register(cycle, row.form(), id, importId, false);
      if (p.admission() == Admission.ADMITTED) {
        admitted++;
      } else {
        waitlisted++;
      }
    }
    return new Report(importId, rows.size(), admitted + waitlisted, admitted, waitlisted, false);
  }
}
