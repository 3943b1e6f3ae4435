package org.penpals.cli.stack;

import java.util.List;
import org.penpals.cohort.SyntheticApplicant;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.contracts.registration.LibrarySector;
import org.penpals.contracts.registration.PartnerPreferences;
import tools.jackson.databind.json.JsonMapper;

/** The JSON body of {@code POST /api/registration/cycles/{id}/applications}. */
public record ApplicationBody(
    String fullName,
    String email,
    String countryCode,
    String city,
    String organisation,
    LibrarySector sector,
    String role,
    int yearsInProfession,
    List<LanguageSkill> languages,
    List<String> interests,
    String hopes,
    String timeZone,
    PartnerPreferences preferences,
    boolean returning,
    String locale,
    Consent consent) {

  /** Both consents the form requires; a synthetic applicant always gives them. */
  public record Consent(boolean privacyNotice, boolean shareContactWithPartner) {}

  private static final JsonMapper JSON = JsonMapper.builder().build();

  public static ApplicationBody of(SyntheticApplicant a) {
    return new ApplicationBody(
        a.fullName(),
        a.email(),
        a.countryCode(),
        a.city(),
        a.organisation(),
        a.sector(),
        a.role(),
        a.yearsInProfession(),
        a.languages(),
        a.interests(),
        a.hopes(),
        a.timeZone(),
        a.preferences(),
        a.returning(),
        a.locale(),
        new Consent(true, true));
  }

  /** Serialised once, up front, so that sending it costs the client nothing. */
  public static byte[] json(SyntheticApplicant applicant) {
    return JSON.writeValueAsBytes(of(applicant));
  }
}
