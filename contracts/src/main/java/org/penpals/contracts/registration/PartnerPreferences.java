package org.penpals.contracts.registration;

import java.util.List;
import java.util.Objects;

/**
 * What a participant asked of their partner.
 *
 * @param sector whether they prefer a partner in the same sector
 * @param avoidCountries ISO 3166-1 alpha-2 codes of countries they do not want a partner from
 */
public record PartnerPreferences(SectorPreference sector, List<String> avoidCountries) {
  public PartnerPreferences {
    Objects.requireNonNull(sector, "sector");
    avoidCountries = Contract.list(avoidCountries, "avoidCountries");
  }
}
