package org.penpals.contracts.matching;

/**
 * A member of a partnership, with what downstream services need to serve them without asking
 * anyone: contact details stay with registration events; these are scheduling facts.
 *
 * @param participantId the participant (= application) id
 * @param timeZone IANA time zone (prompts go out at the cycle's hour in it)
 * @param locale language of mail and portal
 */
public record PartnershipMember(String participantId, String timeZone, String locale) {
  public PartnershipMember {
    Check.text(participantId, "participantId");
    Check.text(timeZone, "timeZone");
    Check.text(locale, "locale");
  }
}
