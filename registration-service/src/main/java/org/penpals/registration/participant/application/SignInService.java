package org.penpals.registration.participant.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.registration.cycle.domain.Cycle;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.ParticipantStatus;
import org.penpals.registration.participant.domain.Profile;
import org.penpals.registration.participant.domain.SignInLink;

/**
 * Signing in to the portal by a one-time link sent by email. Asking for a link never reveals
 * whether the email belongs to a participant; a link works once, for a short time, and only while
 * its participant is still verified.
 */
public class SignInService {
  /** Matches the tokens {@link Secrets#newToken()} makes (and a little more), nothing else. */
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{16,128}");

  private final Supplier<List<Cycle>> cyclesNewestFirst;
  private final ParticipantRepository participants;
  private final SignInLinks links;
  private final Secrets secrets;
  private final Clock clock;
  private final Settings settings;

  /**
   * @param ttl how long a link works
   * @param perEmailPerHour at most this many links per email and clock hour; more are silently
   *     dropped
   */
  public record Settings(Duration ttl, int perEmailPerHour) {
    public Settings {
      if (ttl.isNegative() || ttl.isZero()) {
        throw new IllegalArgumentException("sign-in link ttl must be positive");
      }
      if (perEmailPerHour < 1) {
        throw new IllegalArgumentException("sign-in links per email and hour must be >= 1");
      }
    }
  }

  /** The used, expired or unknown link: all three look the same to the caller. */
  public static final class LinkGone extends RuntimeException {
    public LinkGone() {
      super("This sign-in link was already used or has expired.", null, false, false);
    }
  }

  public SignInService(
      Supplier<List<Cycle>> cyclesNewestFirst,
      ParticipantRepository participants,
      SignInLinks links,
      Secrets secrets,
      Clock clock,
      Settings settings) {
    this.cyclesNewestFirst = cyclesNewestFirst;
    this.participants = participants;
    this.links = links;
    this.secrets = secrets;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * Mails a sign-in link if the email belongs to a verified participant (of the newest cycle they
   * are verified in). Says nothing either way.
   *
   * @throws InvalidInput naming {@code email} if it is not an email address
   */
  public void request(@Nullable String email) {
    String normalised = email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    if (!Profile.isEmailAddress(normalised)) {
      throw InvalidInput.of("email", "must be a valid email address");
    }
    Instant now = clock.instant();
    // counted for every address, known or not: the same work either way
    long hour = now.getEpochSecond() / 3600;
    long requests =
        links.countRequest(
            secrets.personKey(normalised),
            Long.toString(hour),
            Instant.ofEpochSecond((hour + 1) * 3600));
    if (requests > settings.perEmailPerHour()) {
      return;
    }
    Optional<Participant> participant = verifiedParticipant(normalised);
    if (participant.isEmpty()) {
      return;
    }
    Participant p = participant.get();
    String token = secrets.newToken();
    links.issue(
        new SignInLink(Secrets.hash(token), p.id(), p.cycleId(), now.plus(settings.ttl())),
        p,
        token);
  }

  private Optional<Participant> verifiedParticipant(String email) {
    for (Cycle cycle : cyclesNewestFirst.get()) {
      Optional<Participant> p =
          participants
              .findByEmail(cycle.id(), email)
              .filter(found -> found.status() == ParticipantStatus.VERIFIED)
              .filter(found -> found.profile() != null);
      if (p.isPresent()) {
        return p;
      }
    }
    return Optional.empty();
  }

  /**
   * Uses a link: once only, before it expires, and only while its participant is still verified.
   *
   * @return the participant signing in
   * @throws InvalidInput naming {@code token} if it cannot be a token at all
   * @throws LinkGone if the link was used, has expired, or never existed
   */
  public Participant redeem(@Nullable String token) {
    if (token == null || !TOKEN.matcher(token).matches()) {
      throw InvalidInput.of("token", "must be the token from a sign-in link");
    }
    SignInLink link = links.consume(Secrets.hash(token)).orElseThrow(LinkGone::new);
    if (!link.validAt(clock.instant())) {
      throw new LinkGone();
    }
    return participants
        .find(link.participantId())
        .filter(p -> p.status() == ParticipantStatus.VERIFIED && p.profile() != null)
        .orElseThrow(LinkGone::new);
  }

  /** Removes what has expired; a scheduled job calls it. */
  public long purgeExpired() {
    return links.purgeExpired(clock.instant());
  }
}
