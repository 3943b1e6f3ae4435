package org.penpals.matching.pool;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.registration.Admission;
import org.penpals.contracts.registration.CycleDetails;
import org.penpals.contracts.registration.CycleStatus;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.contracts.registration.ParticipantProfile;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.platform.events.ReceivedEvent;
import org.springframework.messaging.Message;

/**
 * Keeps the pool from the registration topics. Tolerant of replays: a participant event older than
 * the revision already kept changes nothing; the dispatcher also skips event ids seen.
 */
public class RegistrationListener {
  public static final String GROUP = "matching-service";

  private final Pool pool;
  private final PoolChanges changes;

  public RegistrationListener(Pool pool, PoolChanges changes) {
    this.pool = pool;
    this.changes = changes;
  }

  /** How a member left the cycle. */
  public enum Departure {
    WITHDRAWAL,
    ERASURE
  }

  /** What happens when a member's standing changes after matches were published. */
  public interface PoolChanges {
    /** The member left (withdrew or was erased): dissolve their partnership, if any. */
    void left(PoolMember member, Departure how);

    /**
     * The member can now be matched (verified late, or admitted from the registration waitlist).
     */
    void becameMatchable(PoolMember member);

    /**
     * The cycle completed (or was archived): its active partnerships complete, its pending
     * re-matchings are dropped. Called again on redelivery: must be idempotent.
     */
    void cycleEnded(String cycleId, Instant completedAt);
  }

  public Consumer<Message<byte[]>> cycles(EventDispatcher.Factory events) {
    return events
        .forGroup(GROUP)
        .on(RegistrationEvents.CYCLE_DRAFTED, e -> cycle(e.data().cycleId(), e.data().cycle()))
        .on(RegistrationEvents.CYCLE_UPDATED, e -> cycle(e.data().cycleId(), e.data().cycle()))
        .on(RegistrationEvents.CYCLE_OPENED, e -> cycle(e.data().cycleId(), e.data().cycle()))
        .on(RegistrationEvents.CYCLE_CLOSED, e -> cycle(e.data().cycleId(), e.data().cycle()))
        .on(
            RegistrationEvents.CYCLE_RUNNING,
            e -> cycle(e.data().cycleId(), e.data().cycle(), CycleStatus.RUNNING, null))
        .on(
            RegistrationEvents.CYCLE_COMPLETED,
            e ->
                ended(
                    cycle(
                        e.data().cycleId(),
                        e.data().cycle(),
                        CycleStatus.COMPLETED,
                        e.data().completedAt()),
                    e.data().completedAt()))
        .on(
            RegistrationEvents.CYCLE_ARCHIVED,
            e ->
                ended(
                    cycle(e.data().cycleId(), e.data().cycle(), CycleStatus.ARCHIVED, null),
                    e.data().archivedAt()))
        .build();
  }

  private PoolCycle cycle(String cycleId, CycleDetails details) {
    return cycle(cycleId, details, details.status(), null);
  }

  /**
   * Keeps the cycle as registration describes it; a cycle that ended stays ended whatever an older
   * event says ({@link PoolCycle#mayMoveTo}).
   */
  private PoolCycle cycle(
      String cycleId, CycleDetails details, CycleStatus status, @Nullable Instant completedAt) {
    Optional<PoolCycle> kept = pool.cycle(cycleId);
    if (kept.isPresent() && !kept.get().mayMoveTo(status)) {
      return kept.get();
    }
    Instant completed =
        kept.map(PoolCycle::completedAt).filter(Objects::nonNull).orElse(completedAt);
    PoolCycle cycle =
        new PoolCycle(cycleId, details.name(), status, details.partnershipStartsOn(), completed);
    pool.save(cycle);
    return cycle;
  }

  private void ended(PoolCycle cycle, Instant at) {
    if (cycle.ended()) {
      changes.cycleEnded(cycle.cycleId(), cycle.completedAt() == null ? at : cycle.completedAt());
    }
  }

  public Consumer<Message<byte[]>> participants(EventDispatcher.Factory events) {
    return events
        .forGroup(GROUP)
        .on(
            RegistrationEvents.PARTICIPANT_REGISTERED,
            e -> {
              var d = e.data();
              if (newer(d.participantId(), d.revision())) {
                pool.save(
                    member(
                        d.participantId(),
                        d.cycleId(),
                        d.revision(),
                        d.personKey(),
                        d.profile(),
                        "PENDING_VERIFICATION",
                        d.admission(),
                        registeredAt(e)));
              }
            })
        .on(
            RegistrationEvents.PROFILE_UPDATED,
            e -> {
              var d = e.data();
              current(d.participantId(), d.revision())
                  .ifPresent(
                      m ->
                          pool.save(
                              member(
                                  m.participantId(),
                                  m.cycleId(),
                                  d.revision(),
                                  m.personKey(),
                                  d.profile(),
                                  m.status(),
                                  m.admission(),
                                  m.registeredAt())));
            })
        .on(
            RegistrationEvents.EMAIL_VERIFIED,
            e ->
                current(e.data().participantId(), e.data().revision())
                    .ifPresent(
                        m -> {
                          PoolMember verified = with(m, e.data().revision(), "VERIFIED");
                          pool.save(verified);
                          changes.becameMatchable(verified);
                        }))
        .on(
            RegistrationEvents.PARTICIPANT_ADMITTED,
            e ->
                current(e.data().participantId(), e.data().revision())
                    .ifPresent(
                        m -> {
                          PoolMember admitted =
                              with(m, e.data().revision(), m.status(), Admission.ADMITTED);
                          pool.save(admitted);
                          changes.becameMatchable(admitted);
                        }))
        .on(
            RegistrationEvents.PARTICIPANT_WITHDRAWN,
            e ->
                current(e.data().participantId(), e.data().revision())
                    .ifPresent(
                        m -> {
                          PoolMember gone = with(m, e.data().revision(), "WITHDRAWN");
                          pool.save(gone);
                          changes.left(gone, Departure.WITHDRAWAL);
                        }))
        .on(
            RegistrationEvents.PARTICIPANT_ERASED,
            e ->
                pool.member(e.data().participantId())
                    .ifPresent(
                        m -> {
                          if (!"ERASED".equals(m.status())) {
                            changes.left(with(m, e.data().revision(), "ERASED"), Departure.ERASURE);
                            pool.erase(m.participantId());
                          }
                        }))
        .build();
  }

  private boolean newer(String participantId, long revision) {
    return pool.member(participantId).map(m -> revision > m.revision()).orElse(true);
  }

  /** The member as kept, if this event is newer than what is kept. */
  private Optional<PoolMember> current(String participantId, long revision) {
    return pool.member(participantId).filter(m -> revision > m.revision());
  }

  private static Instant registeredAt(ReceivedEvent<?> e) {
    return e.time() == null ? Instant.now() : e.time();
  }

  private static PoolMember with(PoolMember m, long revision, String status) {
    return with(m, revision, status, m.admission());
  }

  private static PoolMember with(PoolMember m, long revision, String status, Admission admission) {
    return new PoolMember(
        m.participantId(),
        m.cycleId(),
        revision,
        m.personKey(),
        m.fullName(),
        m.organisation(),
        m.country(),
        m.sector(),
        m.sectorPreference(),
        m.yearsInProfession(),
        m.correspondenceLanguages(),
        m.otherLanguages(),
        m.interests(),
        m.avoidCountries(),
        m.timeZone(),
        m.locale(),
        status,
        admission,
        m.placement(),
        m.registeredAt());
  }

  private static PoolMember member(
      String participantId,
      String cycleId,
      long revision,
      String personKey,
      ParticipantProfile p,
      String status,
      Admission admission,
      Instant registeredAt) {
    return new PoolMember(
        participantId,
        cycleId,
        revision,
        personKey,
        p.fullName(),
        p.organisation(),
        p.countryCode(),
        p.sector().name(),
        p.preferences().sector().name(),
        p.yearsInProfession(),
        p.languages().stream()
            .filter(LanguageSkill::correspondence)
            .map(LanguageSkill::code)
            .toList(),
        p.languages().stream().filter(l -> !l.correspondence()).map(LanguageSkill::code).toList(),
        p.interests(),
        p.preferences().avoidCountries(),
        p.timeZone(),
        p.locale(),
        status,
        admission,
        Placement.UNPLACED,
        registeredAt);
  }
}
