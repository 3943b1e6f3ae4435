package org.penpals.messaging.announcement.application;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.announcement.domain.Announcement;
import org.penpals.messaging.announcement.domain.Draft;
import org.penpals.messaging.announcement.domain.Segment;
import org.penpals.messaging.directory.application.Directory;
import org.penpals.messaging.directory.domain.Cycle;
import org.penpals.messaging.directory.domain.Partnership;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.messaging.mail.application.ProgrammeMail;
import org.penpals.messaging.mail.domain.MailContent;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.Randomness;
import org.penpals.platform.domain.Rules;
import org.penpals.platform.domain.StateConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coordinators' announcements (ADR 0012 §5): scheduled once per idempotency key, previewed without
 * being stored, delivered when due as one mail per recipient under the key {@code
 * announcement:<id>:<participant>}, so a delivery interrupted at any point resumes without a second
 * mail to anyone.
 */
public class AnnouncementService {
  private static final Logger log = LoggerFactory.getLogger(AnnouncementService.class);
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{8,100}");
  public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
  private static final int LIST_LIMIT = 200;

  private final Announcements announcements;
  private final Directory directory;
  private final ProgrammeMail mail;
  private final Clock clock;
  private final Settings settings;

  /**
   * How delivery proceeds.
   *
   * @param batchSize recipients handled between two records of progress (what a crash redoes)
   * @param batchesPerRound batches one round of the sender handles before the next announcement
   */
  public record Settings(int batchSize, int batchesPerRound) {
    public Settings {
      if (batchSize < 1 || batchesPerRound < 1) {
        throw new IllegalArgumentException("batch size and batches per round must be positive");
      }
    }
  }

  public AnnouncementService(
      Announcements announcements,
      Directory directory,
      ProgrammeMail mail,
      Clock clock,
      Settings settings) {
    this.announcements = announcements;
    this.directory = directory;
    this.mail = mail;
    this.clock = clock;
    this.settings = settings;
  }

  /**
   * The announcement made for this request.
   *
   * @param created false when the same request came before under the same key (nothing new)
   */
  public record Scheduled(Announcement announcement, boolean created) {}

  /**
   * Schedules an announcement. The same idempotency key with the same draft answers the
   * announcement made the first time; with another draft it is a conflict.
   */
  public Scheduled schedule(
      String cycleId, @Nullable String idempotencyKey, Draft.Raw raw, String createdBy) {
    Instant now = clock.instant();
    Rules rules = new Rules();
    if (idempotencyKey == null || idempotencyKey.isEmpty()) {
      rules.add(
          IDEMPOTENCY_KEY,
          "is required: a header identifying this request, so repeating it"
              + " sends nothing twice");
    } else if (!KEY.matcher(idempotencyKey).matches()) {
      rules.add(IDEMPOTENCY_KEY, "must be 8-100 characters of A-Z, a-z, 0-9, _ and -");
    }
    Draft draft = Draft.check(raw, now, rules);
    rules.throwIfAny();
    String key = java.util.Objects.requireNonNull(idempotencyKey);
    Draft checked = java.util.Objects.requireNonNull(draft);

    var repeated = announcements.byKey(cycleId, key);
    if (repeated.isPresent()) {
      return repeat(repeated.get(), checked);
    }
    openCycle(cycleId);
    int recipients = audience(cycleId, checked.segment()).size();
    if (recipients == 0) {
      throw new StateConflict("nobody in this cycle is in this segment", "segment");
    }
    Announcement announcement =
        Announcement.schedule(
            "an-" + Randomness.uuidString(), cycleId, key, checked, recipients, now, createdBy);
    if (!announcements.insert(announcement)) {
      // the same key, at the same moment, from another request
      return repeat(announcements.byKey(cycleId, key).orElseThrow(), checked);
    }
    log.info(
        "announcement {} scheduled for {} ({} recipients, {})",
        announcement.id(),
        announcement.sendAt(),
        recipients,
        checked.segment().kind());
    return new Scheduled(announcement, true);
  }

  private static Scheduled repeat(Announcement first, Draft draft) {
    if (!first.sameDraft(draft)) {
      throw new StateConflict(
          "this Idempotency-Key was used for another announcement; use a new key for a new"
              + " announcement",
          IDEMPOTENCY_KEY);
    }
    return new Scheduled(first, false);
  }

  /**
   * What an announcement would be: how many it would reach (by language) and how each language
   * reads it. Nothing is stored.
   */
  public record Preview(
      int recipients, Map<String, Integer> byLanguage, Map<String, MailContent> rendered) {}

  public Preview preview(String cycleId, Draft.Raw raw) {
    Rules rules = new Rules();
    Draft draft = Draft.check(raw, clock.instant(), rules);
    rules.throwIfAny();
    Draft checked = java.util.Objects.requireNonNull(draft);
    Cycle cycle = openCycle(cycleId);
    List<Recipient> audience = audience(cycleId, checked.segment());
    Map<String, Integer> byLanguage = new LinkedHashMap<>();
    Map<String, MailContent> rendered = new LinkedHashMap<>();
    for (String language : Draft.LANGUAGES) {
      byLanguage.put(language, 0);
      rendered.put(language, render(checked, cycle.name(), language));
    }
    for (Recipient r : audience) {
      byLanguage.merge(mail.languageOf(r), 1, Integer::sum);
    }
    return new Preview(audience.size(), byLanguage, rendered);
  }

  /** A cycle's announcements, newest first. */
  public List<Announcement> list(String cycleId) {
    return announcements.ofCycle(cycleId, LIST_LIMIT);
  }

  public Announcement get(String cycleId, String id) {
    return announcements
        .find(id)
        .filter(a -> a.cycleId().equals(cycleId))
        .orElseThrow(() -> new NotFound("announcement", "announcementId"));
  }

  /** Cancels a scheduled announcement; one that is being or was sent cannot be. */
  public Announcement cancel(String cycleId, String id) {
    for (int attempt = 0; attempt < 5; attempt++) {
      Announcement current = get(cycleId, id);
      if (current.status() != Announcement.Status.SCHEDULED) {
        throw new StateConflict(
            "only a scheduled announcement can be cancelled; this one is " + current.status(),
            "announcementId");
      }
      Announcement cancelled = current.cancelled();
      if (announcements.update(cancelled, null)) {
        log.info("announcement {} cancelled", id);
        return cancelled;
      }
    }
    throw new StateConflict("the announcement changed meanwhile; try again", "announcementId");
  }

  /**
   * Delivers due announcements, a bounded amount per call (the scheduled sender calls it
   * repeatedly). The first round of an announcement freezes its audience; each batch of recipients
   * is followed by a record of progress, so a crash redoes at most one batch, whose mails exist
   * already under their keys and are not made again.
   *
   * @return recipients handled
   */
  public int sendDue() {
    int handled = 0;
    for (Announcement due : announcements.due(clock.instant(), 20)) {
      try {
        handled += deliver(due);
      } catch (RuntimeException e) {
        log.warn("announcement {} could not be delivered now: {}", due.id(), e.toString());
      }
    }
    return handled;
  }

  private int deliver(Announcement due) {
    Announcement a = due;
    if (a.status() == Announcement.Status.SCHEDULED) {
      if (directory.cycle(a.cycleId()).map(Cycle::archived).orElse(false)) {
        announcements.update(a.cancelled(), null);
        log.info("announcement {} cancelled: its cycle was archived before it was due", a.id());
        return 0;
      }
      List<String> audience =
          audience(a.cycleId(), a.draft().segment()).stream()
              .map(Recipient::participantId)
              .toList();
      Announcement started = a.started(audience.size());
      if (!announcements.update(started, audience)) {
        return 0; // started or cancelled meanwhile: the next round sees it
      }
      a = started;
    }
    List<String> audience = announcements.audience(a.id());
    String cycleName = directory.cycle(a.cycleId()).map(Cycle::name).orElse(a.cycleId());
    Map<String, MailContent> rendered = new HashMap<>();
    Announcement current = a;
    int handled = 0;
    for (int batch = 0; batch < settings.batchesPerRound(); batch++) {
      int from = current.progress();
      int to = Math.min(from + settings.batchSize(), audience.size());
      int sent = current.sent();
      for (String participantId : audience.subList(from, to)) {
        boolean has =
            mail.announce(
                current.id(),
                current.cycleId(),
                participantId,
                language ->
                    rendered.computeIfAbsent(language, l -> render(due.draft(), cycleName, l)));
        if (has) {
          sent++;
        }
      }
      handled += to - from;
      Announcement next = current.progressed(to, sent);
      if (!announcements.update(next, null)) {
        return handled; // another sender took over (a lease that ran out): it carries on
      }
      current = next;
      if (current.status() == Announcement.Status.SENT) {
        log.info(
            "announcement {} sent: {} of {} recipients have it",
            current.id(),
            current.sent(),
            current.recipients());
        break;
      }
    }
    return handled;
  }

  private MailContent render(Draft draft, String cycleName, String language) {
    var text = draft.in(language);
    return mail.announcement(language, cycleName, text.subject(), text.body());
  }

  /** A cycle that may be announced to: known, and not archived. */
  private Cycle openCycle(String cycleId) {
    Cycle cycle = directory.cycle(cycleId).orElseThrow(() -> new NotFound("cycle", "cycleId"));
    if (cycle.archived()) {
      throw new StateConflict(
          "the cycle is archived (closed): nothing more is announced to it", "cycleId");
    }
    return cycle;
  }

  /** The segment's members, in a stable order (participant id). */
  private List<Recipient> audience(String cycleId, Segment segment) {
    Set<String> partnered = new HashSet<>();
    for (Partnership p : directory.partnershipsIn(cycleId)) {
      if (p.active()) {
        partnered.addAll(p.members());
      }
    }
    return directory.recipientsOf(cycleId).stream()
        .filter(r -> segment.includes(r, partnered.contains(r.participantId())))
        .sorted(Comparator.comparing(Recipient::participantId))
        .toList();
  }
}
