package org.penpals.matching.newpartner.application;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.newpartner.domain.NewPartnerRequest;
import org.penpals.matching.partnership.AfterPublication;
import org.penpals.matching.partnership.DissolutionReason;
import org.penpals.matching.partnership.Partnership;
import org.penpals.matching.partnership.PartnershipStatus;
import org.penpals.matching.partnership.Partnerships;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolCycle;
import org.penpals.matching.settings.MatchingSettings;
import org.penpals.matching.settings.SettingsStore;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "My partner has gone quiet → I want a new partner". A participant may ask once a silence they
 * reported went unanswered for the cycle's grace period (prompt-service's {@code PartnershipQuiet}
 * REPORTED, recorded on the partnership). Per cycle ({@code quietRematch}) the request is carried
 * out at once or waits for a coordinator. Carried out: the partnership is dissolved with reason
 * QUIET, the silent members are placed QUIET (in the cycle, never re-paired automatically), the
 * reporter needs a partner and a durable re-matching is asked for — as when a partner withdraws.
 *
 * <p>Order of writes: the request is stored first (accepted, not yet carried out), then the
 * partnership is dissolved (one conditional write with its event), then the members are placed,
 * then the request is marked carried out. Every step is idempotent; a crash in between leaves an
 * accepted request not carried out, which {@link #finishInterrupted} completes.
 */
public class NewPartnerService {
  private static final Logger log = LoggerFactory.getLogger(NewPartnerService.class);

  private final NewPartnerRequests requests;
  private final Partnerships partnerships;
  private final Pool pool;
  private final SettingsStore settings;
  private final AfterPublication after;
  private final Clock clock;

  public NewPartnerService(
      NewPartnerRequests requests,
      Partnerships partnerships,
      Pool pool,
      SettingsStore settings,
      AfterPublication after,
      Clock clock) {
    this.requests = requests;
    this.partnerships = partnerships;
    this.pool = pool;
    this.settings = settings;
    this.after = after;
    this.clock = clock;
  }

  /** A request, and whether this call made it (false: it answers the one made before). */
  public record Asked(NewPartnerRequest request, boolean created) {}

  /**
   * The participant asks for a new partner.
   *
   * @throws NotFound (field {@code partnership}) if they have no active partnership
   * @throws StateConflict (field {@code partnership}) before the grace period of their report is
   *     over, without a report of theirs that went unanswered, or once the cycle has ended
   */
  public Asked ask(String participantId) {
    Instant now = clock.instant();
    Partnership current =
        partnerships
            .latestOf(participantId)
            .orElseThrow(() -> new NotFound("your active partnership", "partnership"));
    Optional<Partnership.QuietFlag> flag =
        current.active() ? current.flagReportedBy(participantId) : Optional.empty();
    Optional<NewPartnerRequest> existing =
        requests
            .latestOf(participantId)
            .filter(r -> concerns(r, current))
            .filter(r -> flag.isEmpty() || flag.get().reportId().equals(r.reportId()));
    if (existing.isPresent()) {
      return new Asked(existing.get(), false);
    }
    if (!current.active()) {
      if (current.status() == PartnershipStatus.COMPLETED) {
        throw new StateConflict(
            "your partnership ended with the cycle: no new partner can be asked for",
            "partnership");
      }
      throw new NotFound("your active partnership", "partnership");
    }
    if (pool.cycle(current.cycleId()).map(PoolCycle::ended).orElse(false)) {
      throw new StateConflict(
          "this cycle has ended: no new partner can be asked for", "partnership");
    }
    if (flag.isEmpty()) {
      throw new StateConflict(
          current
              .openReportBy(participantId, now)
              .map(
                  r ->
                      "we reminded your partner; you may ask for a new partner after "
                          + r.answerBy()
                          + " if nobody has answered by then")
              .orElse(
                  "you may ask for a new partner once a silence you reported has gone unanswered"
                      + " for the cycle's grace period: report that your partner has gone quiet"
                      + " first"),
          "partnership");
    }
    boolean automatic =
        settings.get(current.cycleId()).quietRematch() == MatchingSettings.QuietRematch.AUTOMATIC;
    NewPartnerRequest request =
        NewPartnerRequest.ask(
            current.cycleId(),
            current.id(),
            participantId,
            flag.get().reportId(),
            current.silentFor(flag.get()),
            now,
            automatic);
    if (!requests.insert(request)) {
      return new Asked(requests.find(request.requestId()).orElseThrow(), false);
    }
    log.info(
        "participant {} asked for a new partner in partnership {} ({})",
        participantId,
        current.id(),
        request.status());
    if (request.status() == NewPartnerRequest.Status.ACCEPTED) {
      carryOut(request);
    }
    return new Asked(requests.find(request.requestId()).orElse(request), true);
  }

  /**
   * Whether a request answers a new ask in the participant's current partnership: it was made in
   * it, or it was accepted and this partnership came of it (the trio it continues, or the new
   * partner it gave).
   */
  private static boolean concerns(NewPartnerRequest r, Partnership current) {
    return r.partnershipId().equals(current.id())
        || current.id().equals(Partnership.continuationId(r.partnershipId()))
        || (r.status() == NewPartnerRequest.Status.ACCEPTED
            && r.decidedAt() != null
            && !current.formedAt().isBefore(r.decidedAt()));
  }

  /** The participant's latest request. */
  public Optional<NewPartnerRequest> latest(String participantId) {
    return requests.latestOf(participantId);
  }

  /** Every request of the cycle, oldest first. */
  public List<NewPartnerRequest> ofCycle(String cycleId) {
    pool.cycle(cycleId).orElseThrow(() -> new NotFound("cycle " + cycleId, "cycleId"));
    return requests.ofCycle(cycleId);
  }

  /** A coordinator approves a waiting request: it is carried out as an automatic one would be. */
  public NewPartnerRequest approve(
      String cycleId, String requestId, String by, @Nullable String note) {
    NewPartnerRequest request = waiting(cycleId, requestId);
    if (pool.cycle(cycleId).map(PoolCycle::ended).orElse(false)) {
      throw new StateConflict("this cycle has ended: nobody is re-paired any more", "cycleId");
    }
    if (partnerships.find(request.partnershipId()).map(p -> !p.active()).orElse(true)) {
      throw new StateConflict(
          "the partnership of this request has already ended: nothing to carry out", "requestId");
    }
    NewPartnerRequest approved = request.approve(by, note, clock.instant());
    if (!requests.decide(approved)) {
      throw new StateConflict("this request was decided meanwhile", "requestId");
    }
    carryOut(approved);
    return requests.find(requestId).orElse(approved);
  }

  /** A coordinator declines a waiting request: the partnership goes on. */
  public NewPartnerRequest decline(
      String cycleId, String requestId, String by, @Nullable String note) {
    NewPartnerRequest declined = waiting(cycleId, requestId).decline(by, note, clock.instant());
    if (!requests.decide(declined)) {
      throw new StateConflict("this request was decided meanwhile", "requestId");
    }
    return declined;
  }

  private NewPartnerRequest waiting(String cycleId, String requestId) {
    NewPartnerRequest request =
        requests
            .find(requestId)
            .filter(r -> r.cycleId().equals(cycleId))
            .orElseThrow(() -> new NotFound("new-partner request " + requestId, "requestId"));
    if (!request.awaiting()) {
      throw new StateConflict(
          "this request was already decided ("
              + request.status()
              + " at "
              + request.decidedAt()
              + ")",
          "requestId");
    }
    return request;
  }

  /**
   * Dissolves the partnership (QUIET) and places everyone, or, if a crash interrupted that after
   * the dissolution, places everyone again; then marks the request carried out. A partnership that
   * ended otherwise meanwhile (a withdrawal, the cycle's end) leaves nothing to do.
   */
  private void carryOut(NewPartnerRequest request) {
    partnerships
        .find(request.partnershipId())
        .ifPresent(
            p -> {
              if (p.active()
                  && after.dissolve(p, request.quietMembers(), DissolutionReason.QUIET)) {
                return;
              }
              partnerships
                  .find(p.id())
                  .filter(again -> again.dissolvedReason() == DissolutionReason.QUIET)
                  .ifPresent(
                      again ->
                          after.settle(again, request.quietMembers(), DissolutionReason.QUIET));
            });
    requests.carriedOut(request.requestId());
  }

  /** Carries out accepted requests a crash interrupted (decided before {@code before}). */
  public int finishInterrupted(Instant before) {
    int finished = 0;
    for (NewPartnerRequest request : requests.notCarriedOut(before)) {
      carryOut(request);
      finished++;
    }
    return finished;
  }
}
