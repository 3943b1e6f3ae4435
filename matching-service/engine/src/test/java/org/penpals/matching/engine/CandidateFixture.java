package org.penpals.matching.engine;

import java.time.ZoneId;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/** Builds candidates with sensible defaults: {@code aCandidate().from("BG").build()}. */
final class CandidateFixture {
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private String id = String.format("c%05d", SEQUENCE.incrementAndGet());
  private String personKey = id + "@example.org";
  private String country = "AU";
  private String region = "Oceania";
  private Set<String> languages = Set.of("en");
  private Set<String> interests = Set.of("open-access");
  private String sector = "ACADEMIC";
  private SectorPreference preference = SectorPreference.NO_PREFERENCE;
  private int years = 5;
  private ZoneId zone = ZoneId.of("Australia/Sydney");
  private Set<String> avoid = Set.of();

  static CandidateFixture aCandidate() {
    return new CandidateFixture();
  }

  CandidateFixture id(String value) {
    id = value;
    personKey = value + "@example.org";
    return this;
  }

  CandidateFixture person(String key) {
    personKey = key;
    return this;
  }

  CandidateFixture from(String countryCode) {
    country = countryCode;
    return this;
  }

  CandidateFixture inRegion(String value) {
    region = value;
    return this;
  }

  CandidateFixture writing(String... codes) {
    languages = Set.of(codes);
    return this;
  }

  CandidateFixture interestedIn(String... ids) {
    interests = Set.of(ids);
    return this;
  }

  CandidateFixture inSector(String value, SectorPreference wish) {
    sector = value;
    preference = wish;
    return this;
  }

  CandidateFixture withYears(int value) {
    years = value;
    return this;
  }

  CandidateFixture inZone(String zoneId) {
    zone = ZoneId.of(zoneId);
    return this;
  }

  CandidateFixture avoiding(String... countries) {
    avoid = Set.of(countries);
    return this;
  }

  Candidate build() {
    return new Candidate(
        id,
        personKey,
        country,
        region,
        languages,
        Set.of(),
        interests,
        sector,
        preference,
        years,
        zone,
        avoid);
  }
}
