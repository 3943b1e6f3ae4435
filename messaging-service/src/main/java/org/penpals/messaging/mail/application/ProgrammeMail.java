package org.penpals.messaging.mail.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.directory.application.Directory;
import org.penpals.messaging.directory.domain.Cycle;
import org.penpals.messaging.directory.domain.Partnership;
import org.penpals.messaging.directory.domain.Prompt;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.messaging.mail.domain.Mail;
import org.penpals.messaging.mail.domain.MailContent;
import org.penpals.messaging.mail.domain.MailKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns what happens in the programme into mails: renders each one in its recipient's language and
 * stores it under its natural key, so a cause handled twice still makes one mail. Sending is the
 * {@link MailDispatcher}'s job.
 *
 * <p>The topics this service follows are not ordered with each other, so a cause may arrive before
 * the registration events that say who its recipient is. Nothing then fails: a mail owed to a
 * participant not known yet is kept in {@link PendingMails} and made, under its usual key, when
 * their details arrive ({@link #participantChanged}); standing facts (email confirmed, admitted,
 * waitlisted by matching) are kept on the participant's copy and their news goes out then too;
 * introductions wait for every member's details; a cycle that completed before someone's details
 * arrived still tells them. Erasure drops what waited; the withdrawn get nothing.
 */
public class ProgrammeMail {
  private static final Logger log = LoggerFactory.getLogger(ProgrammeMail.class);

  private final Directory directory;
  private final MailQueue queue;
  private final PendingMails pending;
  private final MailTemplates templates;
  private final Links links;
  private final Clock clock;
  private final Consumer<String> enqueued;

  /**
   * Where mails point to.
   *
   * @param portal the participant portal's base URL
   * @param verify the portal's verification page; the token is appended, URL-encoded
   * @param signIn the portal's sign-in page; the token is appended, URL-encoded
   * @param contact the programme team's address, named where a mail invites questions
   */
  public record Links(String portal, String verify, String signIn, String contact) {
    /** The portal's conversation page (the signed-in participant's current thread). */
    String conversation() {
      return portal + "/messages";
    }

    /** The portal's home page where check-ins and surveys are answered. */
    String surveys() {
      return portal + "/home#checkins";
    }
  }

  /** Why matching dissolved a partnership ({@code PartnershipDissolved.reason}). */
  public enum DissolvedBecause {
    /** A member withdrew from the cycle. */
    WITHDRAWAL,
    /** A member's data was erased. */
    ERASURE,
    /** Staff dissolved it. */
    STAFF,
    /** A member asked for a new partner after a reported silence went unanswered. */
    QUIET
  }

  public ProgrammeMail(
      Directory directory,
      MailQueue queue,
      PendingMails pending,
      MailTemplates templates,
      Links links,
      Clock clock,
      Consumer<String> enqueued) {
    this.directory = directory;
    this.queue = queue;
    this.pending = pending;
    this.templates = templates;
    this.links = links;
    this.clock = clock;
    this.enqueued = enqueued;
  }

  // ------------------------------------------------------------------ participants

  /**
   * A registration or profile change: keep the copy; send introductions, the waitlist or admission
   * news, and every mail owed to the participant, that waited for it.
   */
  public void participantChanged(Recipient recipient) {
    if (directory.save(recipient)) {
      for (String partnershipId : directory.partnershipsOf(recipient.participantId())) {
        directory.partnership(partnershipId).ifPresent(this::introduce);
      }
      directory.recipient(recipient.participantId()).ifPresent(this::standing);
    }
    settle(recipient.participantId());
  }

  /**
   * The participant confirmed their email: the waitlist or admission news that waited for it goes
   * out now (or when their details arrive, if they have not).
   */
  public void emailVerified(String participantId) {
    directory.verified(participantId).ifPresent(this::standing);
  }

  /**
   * A waitlisted applicant got a place: told now, or once their email is confirmed (and their
   * details have arrived).
   */
  public void admitted(String participantId, Instant at) {
    directory.admitted(participantId, at).ifPresent(this::standing);
  }

  /**
   * Matching found nobody for the participant when it published run {@code runId}: one mail per run
   * that waitlisted them, made when their details are known.
   */
  public void waitlistedByMatching(String participantId, String cycleId, String runId) {
    directory.waitlistedByMatching(participantId);
    owe(new OwedMail.Waitlisted(participantId, cycleId, runId));
  }

  /**
   * The news owed to a participant once their email is confirmed: a place (if a waitlisted
   * applicant was admitted, whether before or after confirming), else the registration waitlist;
   * and the end of the cycle if it completed before this service knew them. Each under its own key,
   * so it is mailed once however often this is asked.
   */
  private void standing(Recipient r) {
    if (!r.verified() || r.withdrawn()) {
      return;
    }
    if (r.admittedAt() != null) {
      String language = templates.language(r.locale());
      Map<String, Object> model = greeting(r);
      model.put("cycle", cycleName(r.cycleId()));
      model.put("portal", links.portal());
      enqueue(
          "admitted:" + r.participantId(),
          MailKind.ADMITTED,
          r.participantId(),
          r.cycleId(),
          null,
          r.email(),
          language,
          model);
    } else if (r.waitlistReason() != null) {
      waitlisted(
          r,
          r.cycleId(),
          "waitlisted:" + r.participantId() + ":registration",
          r.waitlistReason().name());
    }
    cycleCompletedBefore(r);
  }

  /**
   * The cycle's completion arrived before the participant's details or confirmed email (the topics
   * are not ordered with each other): they are told now what {@link #cycleCompleted} told the
   * others, unless they are in a running or completed partnership.
   */
  private void cycleCompletedBefore(Recipient r) {
    Optional<Cycle> cycle =
        directory.cycle(r.cycleId()).filter(c -> c.status() == Cycle.Status.COMPLETED);
    if (cycle.isEmpty()) {
      return;
    }
    for (String partnershipId : directory.partnershipsOf(r.participantId())) {
      if (directory.partnership(partnershipId).map(Partnership::current).orElse(false)) {
        return;
      }
    }
    cycleCompletedMail(cycle.get(), r);
  }

  private void waitlisted(Recipient to, String cycleId, String id, String reason) {
    Map<String, Object> model = greeting(to);
    model.put("reason", reason);
    model.put("stage", "MATCHING".equals(reason) ? "MATCHING" : "REGISTRATION");
    model.put("cycle", cycleName(cycleId));
    model.put("portal", links.portal());
    enqueue(
        id,
        MailKind.WAITLISTED,
        to.participantId(),
        cycleId,
        null,
        to.email(),
        templates.language(to.locale()),
        model);
  }

  public void participantWithdrawn(String participantId, long revision) {
    directory.recipient(participantId).ifPresent(r -> directory.save(r.withdraw(revision)));
  }

  /**
   * Erasure: the copy, the participant's mails, the mails still owed to them and what other mails
   * say about them go.
   */
  public List<String> participantErased(String participantId) {
    List<String> partnerships = directory.erase(participantId);
    pending.erase(participantId);
    queue.erase(participantId, partnerships);
    return partnerships;
  }

  /**
   * The applicant must confirm their email. The token is a secret: it lives only in the rendered
   * mail until the mail is sent, and in the mail's key only as a hash.
   */
  public void verificationRequested(
      String participantId,
      String cycleId,
      String email,
      String fullName,
      String localeTag,
      String token,
      Instant expiresAt) {
    String language = templates.language(localeTag);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", fullName);
    model.put("link", links.verify() + URLEncoder.encode(token, StandardCharsets.UTF_8));
    model.put("expires", dateTime(expiresAt, ZoneId.of("UTC"), language) + " UTC");
    String id = "verify:" + participantId + ":" + Mail.hash(token).substring(0, 32);
    enqueue(id, MailKind.VERIFICATION, participantId, cycleId, null, email, language, model);
  }

  /**
   * A participant asked to sign in to the portal: one mail with the one-time link. Like
   * verification links, the token is a secret: it lives only in the rendered mail until the mail is
   * sent, and in the mail's key only as a hash (so a redelivered event makes no second mail). A
   * link that expired before its event arrived (after an outage) is not sent: it could not work.
   *
   * @return whether a mail was made (or already existed)
   */
  public boolean signInLinkRequested(
      String participantId,
      String cycleId,
      String email,
      String fullName,
      String localeTag,
      String token,
      Instant expiresAt) {
    if (!expiresAt.isAfter(clock.instant())) {
      log.info("sign-in link for {} not sent: it expired before it could be", participantId);
      return false;
    }
    String language = templates.language(localeTag);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", fullName);
    model.put("link", links.signIn() + URLEncoder.encode(token, StandardCharsets.UTF_8));
    model.put("expires", dateTime(expiresAt, ZoneId.of("UTC"), language) + " UTC");
    String id = "signin:" + participantId + ":" + Mail.hash(token).substring(0, 32);
    enqueue(id, MailKind.SIGN_IN, participantId, cycleId, null, email, language, model);
    return true;
  }

  // ------------------------------------------------------------------ partnerships

  public void partnershipFormed(String partnershipId, String cycleId, List<String> members) {
    introduce(directory.formed(partnershipId, cycleId, members));
  }

  public void promptsPlanned(
      String partnershipId, String cycleId, Prompt first, Map<String, Instant> firstDue) {
    introduce(directory.planned(partnershipId, cycleId, first, firstDue));
  }

  /**
   * A partnership ended early. {@code WITHDRAWAL}, {@code ERASURE}: each remaining member is told
   * (a trio's two others carry on together, a pair's other gets a new partner). {@code STAFF}:
   * every member is told. {@code QUIET}: the silent members are told, kindly, and whom to ask. The
   * member who left is named in none of them. A reason this service does not know sends nothing.
   */
  public void partnershipDissolved(
      String partnershipId,
      String cycleId,
      @Nullable DissolvedBecause reason,
      List<String> leaving,
      List<String> remaining) {
    directory.dissolved(partnershipId, cycleId);
    if (reason == null) {
      log.info("partnership {} dissolved for a reason with no mail", partnershipId);
      return;
    }
    switch (reason) {
      case WITHDRAWAL, ERASURE -> {
        for (String member : remaining) {
          owe(
              new OwedMail.PartnerLeft(
                  member,
                  cycleId,
                  partnershipId,
                  remaining.stream().filter(m -> !m.equals(member)).toList()));
        }
      }
      case STAFF, QUIET -> {
        Set<String> told = new LinkedHashSet<>(leaving);
        if (reason == DissolvedBecause.STAFF) {
          told.addAll(remaining);
        }
        for (String member : told) {
          owe(new OwedMail.Dissolved(member, cycleId, partnershipId, reason));
        }
      }
    }
  }

  private void partnerLeft(Recipient to, OwedMail.PartnerLeft owed) {
    Map<String, Object> model = greeting(to);
    model.put("carryOn", !owed.others().isEmpty());
    model.put("others", names(owed.others()));
    model.put("portal", links.portal());
    enqueue(owed, to, model);
  }

  private void dissolved(Recipient to, OwedMail.Dissolved owed) {
    Map<String, Object> model = greeting(to);
    model.put("reason", owed.reason().name());
    model.put("contact", links.contact());
    model.put("portal", links.portal());
    enqueue(owed, to, model);
  }

  /**
   * A partnership ran to the end of its cycle: each member is thanked and asked for the final
   * survey; the partner card shows it as ended.
   */
  public void partnershipCompleted(
      String partnershipId, String cycleId, List<String> members, Instant at) {
    directory.completed(partnershipId, cycleId, at);
    for (String member : members) {
      owe(new OwedMail.Ended(member, cycleId, partnershipId));
    }
  }

  private void ended(Recipient to, OwedMail.Ended owed) {
    Map<String, Object> model = greeting(to);
    model.put("cycle", cycleName(owed.cycleId()));
    model.put("survey", links.surveys());
    enqueue(owed, to, model);
  }

  /**
   * A partner reported the members in {@code reminded} quiet: each is asked to write by {@code
   * answerBy} (their own date), naming the reporter by first name only. Not sent to a partnership
   * that has ended meanwhile.
   */
  public void partnerReminded(
      String partnershipId,
      String cycleId,
      String reportId,
      String reportedBy,
      List<String> reminded,
      Instant answerBy) {
    Optional<Partnership> partnership = directory.partnership(partnershipId);
    if (partnership.map(p -> p.formed() && !p.active()).orElse(false)) {
      log.info("reminder {} not sent: partnership {} has ended", reportId, partnershipId);
      return;
    }
    for (String member : reminded) {
      owe(new OwedMail.Reminder(member, cycleId, partnershipId, reportId, reportedBy, answerBy));
    }
  }

  private void reminder(Recipient to, OwedMail.Reminder owed) {
    String language = templates.language(to.locale());
    Map<String, Object> model = greeting(to);
    model.put(
        "reporter", directory.recipient(owed.reportedBy()).map(Recipient::firstName).orElse(""));
    model.put("answerBy", date(owed.answerBy(), to.zone(), language));
    model.put("link", links.conversation());
    enqueue(owed, to, model);
  }

  // ------------------------------------------------------------------ cycles

  /** A cycle was drafted or moved: keep its name and status. */
  public void cycleChanged(Cycle cycle) {
    directory.cycle(cycle);
  }

  /**
   * The cycle is complete: everyone still in it (email confirmed, not withdrawn) who is not in a
   * running or completed partnership is told it has ended; the partnered hear it from {@link
   * #partnershipCompleted}.
   *
   * @return how many were told (including those told before, on a redelivery)
   */
  public int cycleCompleted(Cycle cycle) {
    directory.cycle(cycle);
    Set<String> partnered = new HashSet<>();
    for (Partnership p : directory.partnershipsIn(cycle.cycleId())) {
      if (p.current()) {
        partnered.addAll(p.members());
      }
    }
    int told = 0;
    for (Recipient to : directory.recipientsOf(cycle.cycleId())) {
      if (!to.reachable() || partnered.contains(to.participantId())) {
        continue;
      }
      cycleCompletedMail(cycle, to);
      told++;
    }
    return told;
  }

  private void cycleCompletedMail(Cycle cycle, Recipient to) {
    Map<String, Object> model = greeting(to);
    model.put("cycle", cycle.name());
    model.put("portal", links.portal());
    enqueue(
        "cycle-completed:" + cycle.cycleId() + ":" + to.participantId(),
        MailKind.CYCLE_COMPLETED,
        to.participantId(),
        cycle.cycleId(),
        null,
        to.email(),
        templates.language(to.locale()),
        model);
  }

  // ------------------------------------------------------------------ announcements

  /** An announcement as a recipient in {@code language} reads it (no personal data in it). */
  public MailContent announcement(String language, String cycleName, String subject, String body) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("subject", subject);
    model.put("body", body);
    model.put("cycle", cycleName);
    model.put("portal", links.portal());
    return templates.render(MailKind.ANNOUNCEMENT, templates.language(language), model);
  }

  /** The supported language a participant reads mail in. */
  public String languageOf(Recipient recipient) {
    return templates.language(recipient.locale());
  }

  /**
   * One announcement mail to one participant, in their language, under the key {@code
   * announcement:<id>:<participant>}: asked again (a resumed fan-out), it makes no second mail.
   *
   * @param contentIn the announcement rendered in a supported language
   * @return whether the participant has the mail (made now or before); false if they withdrew or
   *     were erased meanwhile
   */
  public boolean announce(
      String announcementId,
      String cycleId,
      String participantId,
      Function<String, MailContent> contentIn) {
    Optional<Recipient> recipient = directory.recipient(participantId).filter(r -> !r.withdrawn());
    if (recipient.isEmpty()) {
      return false;
    }
    Recipient to = recipient.get();
    String id = "announcement:" + announcementId + ":" + participantId;
    if (queue.find(id).isPresent()) {
      return true;
    }
    String language = templates.language(to.locale());
    store(
        Mail.pending(
            id,
            MailKind.ANNOUNCEMENT,
            participantId,
            cycleId,
            null,
            to.email(),
            language,
            contentIn.apply(language),
            clock.instant()));
    return true;
  }

  /**
   * Once a partnership is both formed and planned, each member gets one introduction: every
   * partner's name, country, organisation, email and local time, and the first prompt. A member who
   * had a partnership in the cycle before gets it worded for a new partner ({@code NEW_PARTNER},
   * under the same key), and none at all if every partner is one they already had (a trio's two
   * others carrying on as a pair). A member whose own or whose partners' details are not known yet
   * is introduced when they arrive.
   */
  void introduce(Partnership p) {
    if (!p.readyForIntroductions()) {
      return;
    }
    Map<String, Recipient> known = new LinkedHashMap<>();
    for (String member : p.members()) {
      directory.recipient(member).ifPresent(r -> known.put(member, r));
    }
    Prompt first = p.firstPrompt().orElseThrow();
    for (String member : p.members()) {
      Recipient to = known.get(member);
      List<String> partners = p.partnersOf(member);
      if (to == null || to.withdrawn() || !partners.stream().allMatch(known::containsKey)) {
        continue;
      }
      Optional<MailKind> kind = introductionKind(p, member);
      if (kind.isEmpty()) {
        continue;
      }
      String language = templates.language(to.locale());
      Locale locale = Locale.forLanguageTag(language);
      List<Map<String, Object>> cards = new ArrayList<>();
      for (String partnerId : partners) {
        Recipient partner = known.get(partnerId);
        ZonedDateTime local = ZonedDateTime.now(clock).withZoneSameInstant(partner.zone());
        Map<String, Object> card = new LinkedHashMap<>();
        card.put("name", partner.fullName());
        card.put("country", new Locale("", partner.countryCode()).getDisplayCountry(locale));
        card.put("organisation", partner.organisation());
        card.put("email", partner.email());
        card.put(
            "localTime",
            DateTimeFormatter.ofPattern("EEEE HH:mm", locale).format(local)
                + " ("
                + partner.timeZone()
                + ", UTC"
                + local.getOffset().getId().replace("Z", "+00:00")
                + ")");
        cards.add(card);
      }
      Map<String, Object> model = new LinkedHashMap<>();
      model.put("name", to.fullName());
      model.put("partners", cards);
      model.put("trio", cards.size() > 1);
      model.put(
          "partnerNames",
          String.join(" & ", cards.stream().map(c -> (String) c.get("name")).toList()));
      model.put("prompt", promptModel(first, language));
      Instant due = p.firstDue().get(member);
      model.put("firstDue", due == null ? "" : dateTime(due, to.zone(), language));
      model.put("portal", links.portal());
      enqueue(
          "intro:" + p.partnershipId() + ":" + member,
          kind.get(),
          member,
          p.cycleId(),
          p.partnershipId(),
          to.email(),
          language,
          model);
    }
  }

  /**
   * {@code INTRODUCTION} for a member's first partnership of the cycle, {@code NEW_PARTNER} for a
   * later one, none when they already had every partner of this one. Decided from the order the
   * member's partnerships were recorded in, so a redelivered event decides the same.
   */
  private Optional<MailKind> introductionKind(Partnership p, String member) {
    List<String> theirs = directory.partnershipsOf(member);
    int at = theirs.indexOf(p.partnershipId());
    if (at <= 0) {
      return Optional.of(MailKind.INTRODUCTION);
    }
    Set<String> hadBefore = new HashSet<>();
    for (String earlier : theirs.subList(0, at)) {
      directory.partnership(earlier).ifPresent(e -> hadBefore.addAll(e.members()));
    }
    return hadBefore.containsAll(p.partnersOf(member))
        ? Optional.empty()
        : Optional.of(MailKind.NEW_PARTNER);
  }

  // ------------------------------------------------------------------ prompts

  /** A participant's prompt is due: one mail per delivery, in their language. */
  public void promptDue(
      String deliveryId,
      String partnershipId,
      String cycleId,
      String participantId,
      int week,
      Prompt prompt,
      Instant dueAt,
      boolean late) {
    Optional<Partnership> partnership = directory.partnership(partnershipId);
    if (partnership.map(Partnership::dissolved).orElse(false)) {
      log.info("prompt {} not sent: partnership {} was dissolved", deliveryId, partnershipId);
      return;
    }
    owe(
        new OwedMail.WeeklyPrompt(
            participantId, cycleId, partnershipId, deliveryId, week, prompt, dueAt, late));
  }

  private void weeklyPrompt(Recipient to, OwedMail.WeeklyPrompt owed) {
    String language = templates.language(to.locale());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", to.fullName());
    model.put("week", owed.week());
    model.put("kind", owed.prompt().kind());
    model.put("prompt", promptModel(owed.prompt(), language));
    model.put("late", owed.late());
    model.put("due", dateTime(owed.dueAt(), to.zone(), language));
    model.put("portal", links.portal());
    enqueue(owed, to, model);
  }

  // ------------------------------------------------------------------ conversations

  /**
   * A partner wrote: tell the others (the caller allows one such notification per hour and thread).
   * No message text in the mail, only who wrote and where to read it.
   *
   * @param slot identifies this notification (its time), so a retried call makes no second mail
   */
  public void partnerWrote(
      String partnershipId, String cycleId, String authorId, List<String> recipients, long slot) {
    String author = directory.recipient(authorId).map(Recipient::fullName).orElse("");
    for (String participantId : recipients) {
      directory
          .recipient(participantId)
          .filter(r -> !r.withdrawn())
          .ifPresent(
              to -> {
                String language = templates.language(to.locale());
                Map<String, Object> model = new LinkedHashMap<>();
                model.put("name", to.fullName());
                model.put("partner", author);
                // the portal's conversation page shows the signed-in member's current thread (it
                // has no
                // page per partnership id)
                model.put("link", links.conversation());
                enqueue(
                    "message:" + partnershipId + ":" + participantId + ":" + slot,
                    MailKind.PARTNER_MESSAGE,
                    participantId,
                    cycleId,
                    partnershipId,
                    to.email(),
                    language,
                    model);
              });
    }
  }

  // ------------------------------------------------------------------ helpers

  /**
   * A mail a cause owes a participant: made now if their details are known (nothing if they
   * withdrew), dropped if they were erased, and otherwise kept until their details arrive — the
   * cause is consumed either way, so an early cause never fails its consumer nor reaches the
   * dead-letter topic.
   */
  private void owe(OwedMail owed) {
    Optional<Recipient> recipient = directory.recipient(owed.participantId());
    if (recipient.isPresent()) {
      if (!recipient.get().withdrawn()) {
        make(recipient.get(), owed);
      } else {
        log.info("{} not sent: participant withdrawn", owed.kind());
      }
      return;
    }
    if (directory.erased(owed.participantId())) {
      log.info("{} not sent: participant erased", owed.kind());
      return;
    }
    if (pending.add(owed)) {
      log.info("{} waits for its recipient's details", owed.kind());
    }
    // their details (or erasure) may have been recorded while this was: settle it now then; the
    // registration consumer settles after recording them, so one of the two sees both
    settle(owed.participantId());
  }

  /**
   * The mails kept for a participant while their details were not known: once they are, each is
   * made under its usual key (nothing for the withdrawn) and forgotten; once they are erased, all
   * are forgotten. A key made twice (two threads settling at once, a crash before the entries were
   * forgotten) is still one mail.
   */
  private void settle(String participantId) {
    List<OwedMail> owed = pending.of(participantId);
    if (owed.isEmpty()) {
      return;
    }
    Optional<Recipient> recipient = directory.recipient(participantId);
    if (recipient.isEmpty()) {
      if (directory.erased(participantId)) {
        pending.erase(participantId);
      }
      return;
    }
    if (!recipient.get().withdrawn()) {
      owed.forEach(mail -> make(recipient.get(), mail));
    }
    pending.remove(participantId, owed.stream().map(OwedMail::key).toList());
  }

  private void make(Recipient to, OwedMail owed) {
    if (owed instanceof OwedMail.Waitlisted w) {
      waitlisted(to, w.cycleId(), w.key(), "MATCHING");
    } else if (owed instanceof OwedMail.WeeklyPrompt p) {
      weeklyPrompt(to, p);
    } else if (owed instanceof OwedMail.PartnerLeft l) {
      partnerLeft(to, l);
    } else if (owed instanceof OwedMail.Dissolved d) {
      dissolved(to, d);
    } else if (owed instanceof OwedMail.Ended e) {
      ended(to, e);
    } else if (owed instanceof OwedMail.Reminder r) {
      reminder(to, r);
    }
  }

  private void enqueue(OwedMail owed, Recipient to, Map<String, Object> model) {
    enqueue(
        owed.key(),
        owed.kind(),
        owed.participantId(),
        owed.cycleId(),
        owed.partnershipId(),
        to.email(),
        templates.language(to.locale()),
        model);
  }

  private static Map<String, Object> greeting(Recipient to) {
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", to.fullName());
    return model;
  }

  private String names(List<String> participantIds) {
    return String.join(
        " & ",
        participantIds.stream()
            .map(id -> directory.recipient(id).map(Recipient::fullName).orElse(""))
            .filter(n -> !n.isEmpty())
            .toList());
  }

  /** The cycle's name, or empty while this service has not heard of the cycle. */
  private String cycleName(String cycleId) {
    return directory.cycle(cycleId).map(Cycle::name).orElse("");
  }

  private void enqueue(
      String id,
      MailKind kind,
      @Nullable String participantId,
      @Nullable String cycleId,
      @Nullable String partnershipId,
      String to,
      String language,
      Map<String, Object> model) {
    if (queue.find(id).isPresent()) {
      return; // handled before: rendering again would change nothing
    }
    MailContent content = templates.render(kind, language, model);
    store(
        Mail.pending(
            id,
            kind,
            participantId,
            cycleId,
            partnershipId,
            to,
            language,
            content,
            clock.instant()));
  }

  private void store(Mail mail) {
    if (queue.enqueue(mail)) {
      enqueued.accept(mail.id());
    }
  }

  private static Map<String, Object> promptModel(Prompt prompt, String language) {
    Prompt.Text text = prompt.in(language);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", text.title());
    model.put("body", text.body());
    return model;
  }

  /** A day as a reader of {@code language} writes it ("jueves 14 de marzo de 2030" in Spanish). */
  private static String date(Instant at, ZoneId zone, String language) {
    String pattern = "es".equals(language) ? "EEEE d 'de' MMMM 'de' yyyy" : "EEEE d MMMM yyyy";
    return DateTimeFormatter.ofPattern(pattern, Locale.forLanguageTag(language))
        .format(at.atZone(zone));
  }

  private static String dateTime(Instant at, ZoneId zone, String language) {
    return date(at, zone, language)
        + ", "
        + DateTimeFormatter.ofPattern("HH:mm", Locale.forLanguageTag(language))
            .format(at.atZone(zone));
  }
}
