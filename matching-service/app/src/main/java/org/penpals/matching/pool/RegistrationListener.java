package org.penpals.matching.pool;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Consumer;
import org.penpals.contracts.registration.CycleDetails;
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

  /** What happens when a member's standing changes after matches were published. */
  public interface PoolChanges {
    /** The member left (withdrew or was erased): dissolve their partnership, if any. */
    void left(PoolMember member, String reason);

    /** The member can now be matched (verified late, or back from the registration waitlist). */
    void becameMatchable(PoolMember member);
  }

  public Consumer<Message<byte[]>> cycles(EventDispatcher.Factory events) {
    return events
        .forGroup(GROUP)
        .on(RegistrationEvents.CYCLE_DRAFTED, e -> cycle(e.data().cycleId(), e.data().cycle()))
        .on(RegistrationEvents.CYCLE_UPDATED, e -> cycle(e.data().cycleId(), e.data().cycle()))
        .on(RegistrationEvents.CYCLE_OPENED, e -> cycle(e.data().cycleId(), e.data().cycle()))
        .on(RegistrationEvents.CYCLE_CLOSED, e -> cycle(e.data().cycleId(), e.data().cycle()))
        .build();
  }

  private void cycle(String cycleId, CycleDetails details) {
    pool.save(
        new PoolCycle(
            cycleId, details.name(), details.status().name(), details.partnershipStartsOn()));
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
                        d.admission().name(),
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
            RegistrationEvents.PARTICIPANT_WITHDRAWN,
            e ->
                current(e.data().participantId(), e.data().revision())
                    .ifPresent(
                        m -> {
                          PoolMember gone = with(m, e.data().revision(), "WITHDRAWN");
                          pool.save(gone);
                          changes.left(gone, "WITHDRAWAL");
                        }))
        .on(
            RegistrationEvents.PARTICIPANT_ERASED,
            e ->
                pool.member(e.data().participantId())
                    .ifPresent(
                        m -> {
                          if (!"ERASED".equals(m.status())) {
                            changes.left(with(m, e.data().revision(), "ERASED"), "ERASURE");
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
        m.admission(),
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
      String admission,
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
        "UNPLACED",
        registeredAt);
  }
}
