package org.penpals.matching.engine;

import java.time.ZoneId;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One applicant as the engine sees them. Set-valued fields are copied into sorted, unmodifiable
 * sets, so that everything derived from a candidate is deterministic.
 *
 * @param id this application's id in the run (unique within a request)
 * @param personKey the person across cycles (e.g. a hash of the verified email): previous
 *     partnerships are given as pairs of person keys
 * @param country ISO 3166 code of the country of work
 * @param region world region, for the diversity criterion (any stable label, e.g. "Europe")
 * @param correspondenceLanguages ISO 639 codes the applicant will write in (at least one)
 * @param otherLanguages languages spoken but not offered for correspondence (shown, not used)
 * @param interests interest ids from the programme's taxonomy
 * @param sector the library sector (any stable code, e.g. "ACADEMIC")
 * @param yearsInProfession 0-80
 * @param zoneId IANA time zone of the workplace
 * @param avoidCountries countries the applicant does not want a partner from
 */
public record Candidate(
    String id,
    String personKey,
    String country,
    String region,
    Set<String> correspondenceLanguages,
    Set<String> otherLanguages,
    Set<String> interests,
    String sector,
    SectorPreference sectorPreference,
    int yearsInProfession,
    ZoneId zoneId,
    Set<String> avoidCountries) {

  public Candidate {
    text(id, "id");
    text(personKey, "personKey");
    text(country, "country");
    text(region, "region");
    text(sector, "sector");
    Objects.requireNonNull(sectorPreference, "sectorPreference");
    Objects.requireNonNull(zoneId, "zoneId");
    correspondenceLanguages = sorted(correspondenceLanguages, "correspondenceLanguages");
    otherLanguages = sorted(otherLanguages, "otherLanguages");
    interests = sorted(interests, "interests");
    avoidCountries = sorted(avoidCountries, "avoidCountries");
    if (correspondenceLanguages.isEmpty()) {
      throw new IllegalArgumentException(id + ": at least one correspondence language is needed");
    }
    if (yearsInProfession < 0 || yearsInProfession > 80) {
      throw new IllegalArgumentException(id + ": yearsInProfession must be 0-80");
    }
    if (avoidCountries.contains(country)) {
      throw new IllegalArgumentException(id + ": cannot avoid one's own country " + country);
    }
  }

  private static void text(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static Set<String> sorted(Collection<String> values, String name) {
    Objects.requireNonNull(values, name);
    TreeSet<String> copy = new TreeSet<>();
    for (String value : values) {
      text(value, name + " entry");
      copy.add(value);
    }
    return Collections.unmodifiableSortedSet(copy);
  }
}
