package org.penpals.portal.services;

import java.util.Optional;
import org.springframework.http.HttpMethod;

/** {@link Matching} over HTTP. */
public class HttpMatching implements Matching {
  static final String SERVICE = "matching";
  private static final String NEW_PARTNER = "/api/matching/participants/me/new-partner";

  private final ServiceCalls calls;

  public HttpMatching(ServiceCalls calls) {
    this.calls = calls;
  }

  @Override
  public NewPartnerRequest askForNewPartner(String participantId) {
    return calls.read(
        calls.call(SERVICE, HttpMethod.POST, NEW_PARTNER, participantId, null).body(),
        NewPartnerRequest.class);
  }

  @Override
  public Optional<NewPartnerRequest> newPartnerRequest(String participantId) {
    try {
      return Optional.of(
          calls.read(
              calls.call(SERVICE, HttpMethod.GET, NEW_PARTNER, participantId, null).body(),
              NewPartnerRequest.class));
    } catch (ServiceProblem e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
