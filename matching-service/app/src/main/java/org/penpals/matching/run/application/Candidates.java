package org.penpals.matching.run.application;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import org.penpals.matching.engine.Candidate;
import org.penpals.matching.engine.SectorPreference;
import org.penpals.matching.pool.PoolMember;

/** Turns pool members into the engine's candidates. */
public final class Candidates {
  private Candidates() {}

  public static Candidate of(PoolMember m) {
    String personKey = m.personKey() == null ? "erased:" + m.participantId() : m.personKey();
    return new Candidate(
        m.participantId(),
        personKey,
        m.country(),
        region(m.timeZone()),
        new LinkedHashSet<>(m.correspondenceLanguages()),
        new LinkedHashSet<>(m.otherLanguages()),
        new LinkedHashSet<>(m.interests()),
        m.sector(),
        m.sectorPreference() == null
            ? SectorPreference.NO_PREFERENCE
            : SectorPreference.valueOf(m.sectorPreference()),
        m.yearsInProfession(),
        ZoneId.of(m.timeZone()),
        new LinkedHashSet<>(m.avoidCountries()));
  }

  /** The world region for diversity: the continent part of the IANA zone ("Europe", "Asia"). */
  public static String region(String timeZone) {
    int slash = timeZone.indexOf('/');
    return slash < 0 ? timeZone : timeZone.substring(0, slash);
  }
}
