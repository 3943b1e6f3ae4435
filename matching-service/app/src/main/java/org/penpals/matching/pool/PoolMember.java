package org.penpals.matching.pool;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.contracts.registration.Admission;

/**
 * What matching knows of a participant, kept from the registration events: enough to match, to show
 * staff who is who, and to tell downstream services when to send prompts.
 *
 * @param status {@code PENDING_VERIFICATION}, {@code VERIFIED}, {@code WITHDRAWN}, {@code ERASED}
 * @param admission {@code ADMITTED} or {@code WAITLISTED} (by registration: capacity, country cap,
 *     until registration admits them)
 * @param placement where matching put them
 */
public record PoolMember(
    String participantId,
    String cycleId,
    long revision,
    @Nullable String personKey,
    @Nullable String fullName,
    @Nullable String organisation,
    String country,
    String sector,
    @Nullable String sectorPreference,
    int yearsInProfession,
    List<String> correspondenceLanguages,
    List<String> otherLanguages,
    List<String> interests,
    List<String> avoidCountries,
    String timeZone,
    String locale,
    String status,
    Admission admission,
    Placement placement,
    Instant registeredAt) {

  public boolean active() {
    return "VERIFIED".equals(status) || "PENDING_VERIFICATION".equals(status);
  }

  /** May be matched now: email confirmed, holding a place, still in the programme. */
  public boolean matchable() {
    return "VERIFIED".equals(status) && admission == Admission.ADMITTED && personKey != null;
  }
}
