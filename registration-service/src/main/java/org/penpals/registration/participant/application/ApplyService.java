package org.penpals.registration.participant.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.Randomness;
import org.penpals.platform.domain.StateConflict;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.ParticipantStatus;
import org.penpals.registration.participant.domain.Verification;

/** Applying to a cycle and confirming the email. */
public class ApplyService {
  public static final Duration VERIFICATION_VALIDITY = Duration.ofHours(72);
  private static final char TOKEN_SEPARATOR = '.';

  private final java.util.function.Function<String, java.util.Optional<Cycle>> recentCycles;
  private final ParticipantRepository participants;
  private final Admissions admissions;
  private final Waitlist waitlist;
  private final Secrets secrets;
  private final Clock clock;

  /**
   * @param recentCycles cycles as of a moment ago (a cache): the window check of a public
   *     application may use them, because whether the cycle is open is checked again atomically
   *     when the place is taken
   */
  public ApplyService(
      java.util.function.Function<String, java.util.Optional<Cycle>> recentCycles,
      ParticipantRepository participants,
      Admissions admissions,
      Waitlist waitlist,
      Secrets secrets,
      Clock clock) {
    this.recentCycles = recentCycles;
    this.participants = participants;
    this.admissions = admissions;
    this.waitlist = waitlist;
    this.secrets = secrets;
    this.clock = clock;
  }

  /** A public application: the cycle must be open and within its window. */
  public Participant apply(String cycleId, ApplicationForm form) {
    Cycle cycle =
        recentCycles.apply(cycleId).orElseThrow(() -> new NotFound("cycle " + cycleId, "cycleId"));
    if (!cycle.acceptsApplications(clock.instant())) {
      throw new StateConflict("this cycle is not taking applications now", "cycleId");
    }
    return register(cycle, form, Randomness.uuidString(), null, true);
  }

  /**
   * Registers an application in a cycle that exists (imports skip the window check, not the
   * capacity rules).
   */
  Participant register(
      Cycle cycle,
      ApplicationForm form,
      String id,
      @Nullable String importId,
      boolean requireOpen) {
    String email = form.profile().email();
    // no look-up first: the email claim written with the application rejects a duplicate
    Admissions.Decision decision =
        admissions.admit(cycle, form.profile().countryCode(), requireOpen);
    Instant now = clock.instant();
    String token = verificationToken(id);
    Participant.Changed registered =
        Participant.register(
            id,
            cycle.id(),
            secrets.personKey(email),
            form.profile(),
            form.consent(),
            decision.admission(),
            decision.reason(),
            token,
            new Verification(Secrets.hash(token), now.plus(VERIFICATION_VALIDITY)),
            now,
            importId);
    try {
      participants.insert(registered);
    } catch (RuntimeException e) {
      if (registered.participant().holdsPlace()) {
        admissions.release(cycle.id(), form.profile().countryCode());
      }
      if (e instanceof ParticipantRepository.DuplicateApplication) {
        throw alreadyApplied();
      }
      throw e;
    }
    return registered.participant();
  }

  /**
   * A verification token names the participant it is for ({@code <id>.<256 random bits>}), so the
   * link finds its application by id; only the SHA-256 of the whole token is stored and compared.
   * Tokens without a participant id were issued before 2026-11-30 and are found through the old
   * look-up by hash (see {@link ParticipantRepository#findByVerificationHash}) until they expire.
   */
  private String verificationToken(String participantId) {
    return participantId + TOKEN_SEPARATOR + secrets.newToken();
  }

  private Optional<Participant> awaitingVerification(String token) {
    String hash = Secrets.hash(token);
    int separator = token.lastIndexOf(TOKEN_SEPARATOR);
    if (separator <= 0) {
      return participants.findByVerificationHash(hash);
    }
    return participants
        .find(token.substring(0, separator))
        .filter(
            p ->
                p.verification() != null
                    && java.security.MessageDigest.isEqual(
                        p.verification().tokenHash().getBytes(StandardCharsets.US_ASCII),
                        hash.getBytes(StandardCharsets.US_ASCII)));
  }

  private static StateConflict alreadyApplied() {
    return new StateConflict("this email has already applied to this cycle", "email");
  }

  /** Confirms an email with the token from the mailed link. Single use. */
  public Participant verify(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      throw InvalidInput.of("token", "is invalid or has expired");
    }
    Participant participant =
        awaitingVerification(token)
            .orElseThrow(() -> InvalidInput.of("token", "is invalid or has expired"));
    Participant.Changed verified = participant.verify(clock.instant());
    if (!participants.update(verified, participant.revision())) {
      throw InvalidInput.of("token", "is invalid or has expired");
    }
    if (verified.participant().waitlisted()) {
      // now in the queue: a place that is free (nobody confirmed was waiting) is theirs
      waitlist.confirmedWhileWaiting(participant.cycleId());
    }
    return verified.participant();
  }

  /**
   * Sends a new verification link if this email has a pending application in the cycle. Says
   * nothing either way, so nobody learns who applied.
   */
  public void resendVerification(String cycleId, String email) {
    Optional<Participant> pending =
        participants
            .findByEmail(cycleId, email.strip().toLowerCase(java.util.Locale.ROOT))
            .filter(p -> p.status() == ParticipantStatus.PENDING_VERIFICATION);
    if (pending.isEmpty()) {
      return;
    }
    Participant participant = pending.get();
    String token = verificationToken(participant.id());
    participants.update(
        participant.renewVerification(
            token,
            new Verification(Secrets.hash(token), clock.instant().plus(VERIFICATION_VALIDITY))),
        participant.revision());
  }
}
