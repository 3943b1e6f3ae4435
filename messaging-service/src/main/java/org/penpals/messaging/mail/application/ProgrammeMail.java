package org.penpals.messaging.mail.application;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.directory.application.Directory;
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
 */
public class ProgrammeMail {
  private static final Logger log = LoggerFactory.getLogger(ProgrammeMail.class);

  private final Directory directory;
  private final MailQueue queue;
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
   */
  public record Links(String portal, String verify, String signIn) {}

  public ProgrammeMail(
      Directory directory,
      MailQueue queue,
      MailTemplates templates,
      Links links,
      Clock clock,
      Consumer<String> enqueued) {
    this.directory = directory;
    this.queue = queue;
    this.templates = templates;
    this.links = links;
    this.clock = clock;
    this.enqueued = enqueued;
  }

  // ------------------------------------------------------------------ participants

  /** A registration or profile change: keep the copy; send introductions that waited for it. */
  public void participantChanged(Recipient recipient) {
    if (directory.save(recipient)) {
      for (String partnershipId : directory.partnershipsOf(recipient.participantId())) {
        directory.partnership(partnershipId).ifPresent(this::introduce);
      }
    }
  }

  public void participantWithdrawn(String participantId, long revision) {
    directory.recipient(participantId).ifPresent(r -> directory.save(r.withdraw(revision)));
  }

  /** Erasure: the copy, the participant's mails and what other mails say about them go. */
  public List<String> participantErased(String participantId) {
    List<String> partnerships = directory.erase(participantId);
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

  public void partnershipDissolved(String partnershipId, String cycleId) {
    directory.dissolved(partnershipId, cycleId);
  }

  /**
   * Once a partnership is both formed and planned, each member gets one introduction: every
   * partner's name, country, organisation, email and local time, and the first prompt. A member
   * whose own or whose partners' details are not known yet is introduced when they arrive.
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
          MailKind.INTRODUCTION,
          member,
          p.cycleId(),
          p.partnershipId(),
          to.email(),
          language,
          model);
    }
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
    Optional<Recipient> recipient = directory.recipient(participantId);
    if (recipient.isEmpty() && !directory.erased(participantId)) {
      // registration's events have not arrived yet: fail, so the consumer retries and finally
      // keeps the event on the dead-letter topic for a replay, rather than drop the prompt
      throw new UnknownRecipient(participantId);
    }
    if (recipient.isEmpty() || recipient.get().withdrawn()) {
      log.info("prompt {} not sent: participant withdrawn or erased", deliveryId);
      return;
    }
    Recipient to = recipient.get();
    String language = templates.language(to.locale());
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("name", to.fullName());
    model.put("week", week);
    model.put("kind", prompt.kind());
    model.put("prompt", promptModel(prompt, language));
    model.put("late", late);
    model.put("due", dateTime(dueAt, to.zone(), language));
    model.put("portal", links.portal());
    enqueue(
        "prompt:" + deliveryId + ":" + participantId,
        MailKind.PROMPT,
        participantId,
        cycleId,
        partnershipId,
        to.email(),
        language,
        model);
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
                model.put("link", links.portal() + "/conversations/" + partnershipId);
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

  /** A mail for a participant whose contact details this service has not received. */
  public static class UnknownRecipient extends RuntimeException {
    public UnknownRecipient(String participantId) {
      super("participant " + participantId + " is not known (yet)");
    }
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
    Mail mail =
        Mail.pending(
            id,
            kind,
            participantId,
            cycleId,
            partnershipId,
            to,
            language,
            content,
            clock.instant());
    if (queue.enqueue(mail)) {
      enqueued.accept(id);
    }
  }

  private static Map<String, Object> promptModel(Prompt prompt, String language) {
    Prompt.Text text = prompt.in(language);
    Map<String, Object> model = new LinkedHashMap<>();
    model.put("title", text.title());
    model.put("body", text.body());
    return model;
  }

  private static String dateTime(Instant at, ZoneId zone, String language) {
    return DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm", Locale.forLanguageTag(language))
        .format(at.atZone(zone));
  }
}
