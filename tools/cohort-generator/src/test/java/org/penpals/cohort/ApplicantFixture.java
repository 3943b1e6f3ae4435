package org.penpals.cohort;

import java.util.ArrayList;
import java.util.List;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.contracts.registration.LibrarySector;
import org.penpals.contracts.registration.PartnerPreferences;
import org.penpals.contracts.registration.SectorPreference;

/** A valid applicant with sensible defaults; change one thing to test one rule. */
final class ApplicantFixture {
  private String fullName = "Ana Petrova";
  private String email = "ana.petrova.1@example.org";
  private String countryCode = "BG";
  private String city = "Sofia";
  private String organisation = "Sofia City Library";
  private String role = "Librarian";
  private int years = 4;
  private List<LanguageSkill> languages =
      List.of(new LanguageSkill("bg", true), new LanguageSkill("en", true));
  private List<String> interests = List.of("reading-promotion", "community-engagement");
  private String hopes = "";
  private String timeZone = "Europe/Sofia";
  private List<String> avoid = List.of();
  private String locale = "en";

  static ApplicantFixture anApplicant() {
    return new ApplicantFixture();
  }

  ApplicantFixture from(String countryCode) {
    this.countryCode = countryCode;
    return this;
  }

  ApplicantFixture withFullName(String fullName) {
    this.fullName = fullName;
    return this;
  }

  ApplicantFixture withYears(int years) {
    this.years = years;
    return this;
  }

  ApplicantFixture speaking(LanguageSkill... languages) {
    this.languages = List.of(languages);
    return this;
  }

  ApplicantFixture interestedIn(String... interests) {
    this.interests = new ArrayList<>(List.of(interests));
    return this;
  }

  ApplicantFixture withHopes(String hopes) {
    this.hopes = hopes;
    return this;
  }

  ApplicantFixture in(String timeZone) {
    this.timeZone = timeZone;
    return this;
  }

  ApplicantFixture avoiding(String... countries) {
    this.avoid = List.of(countries);
    return this;
  }

  ApplicantFixture withLocale(String locale) {
    this.locale = locale;
    return this;
  }

  ApplicantFixture withEmail(String email) {
    this.email = email;
    return this;
  }

  SyntheticApplicant build() {
    return new SyntheticApplicant(
        fullName,
        email,
        countryCode,
        city,
        organisation,
        LibrarySector.PUBLIC,
        role,
        years,
        languages,
        interests,
        hopes,
        timeZone,
        new PartnerPreferences(SectorPreference.NO_PREFERENCE, avoid),
        false,
        locale);
  }
}
