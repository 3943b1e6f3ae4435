package org.penpals.registration.participant.application;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.penpals.registration.participant.domain.Participant;

/** Where applications live. Writes store the events a change owes atomically with it. */
public interface ParticipantRepository {
  /**
   * Stores a new application with its events.
   *
   * @throws DuplicateApplication if the email already applied to the cycle (or the id exists)
   */
  void insert(Participant.Changed registered);

  /**
   * Stores a change if the participant is still at {@code expectedRevision}.
   *
   * @return false if someone changed it meanwhile
   */
  boolean update(Participant.Changed changed, long expectedRevision);

  Optional<Participant> find(String id);

  Optional<Participant> findByEmail(String cycleId, String email);

  Optional<Participant> findByVerificationHash(String tokenHash);

  /**
   * Applications of the cycle that still wait for a place (not withdrawn or erased), earliest
   * application first (ties by id).
   */
  List<Participant> waitlisted(String cycleId);

  ApplicantPage search(ApplicantQuery query);

  /** Streams every application matching the query's filters (no paging), oldest first. */
  void forEach(ApplicantQuery query, Consumer<Participant> action);

  ApplicantStatistics statistics(String cycleId);

  /** The email is already taken in this cycle. */
  class DuplicateApplication extends RuntimeException {
    public DuplicateApplication() {
      super("duplicate application", null, false, false);
    }
  }

  record ApplicantPage(List<Participant> items, int page, int size, long total) {}

  /** Counts for the staff dashboard. */
  record ApplicantStatistics(
      long total,
      Map<String, Long> byStatus,
      Map<String, Long> byAdmission,
      Map<String, Long> byCountry,
      Map<String, Long> bySector,
      Map<String, Long> byLanguage,
      Map<String, Long> byDay) {}
}
