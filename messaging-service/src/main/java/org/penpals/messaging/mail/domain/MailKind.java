package org.penpals.messaging.mail.domain;

import java.util.Arrays;
import java.util.List;

/**
 * What a programme mail is for, and the name of its templates ({@code templates/mail/}); kinds that
 * share a template pick their own words by their name (see {@code ThymeleafMailTemplates}).
 *
 * <p>Life events and announcements are also the participant's <em>notices</em> in the portal
 * ({@link #notice()}). A mail that names the partners of its partnership ({@link #namesPartners()})
 * loses its content when one of them is erased; the others (a partner left, the partnership ended)
 * name nobody and stay.
 */
public enum MailKind {
  VERIFICATION("verification", true, false, false),
  /** One-time links to sign in to the portal ({@code SignInLinkRequested}). */
  SIGN_IN("sign-in", true, false, false),
  INTRODUCTION("introduction", false, false, true),
  PROMPT("prompt", false, false, true),
  PARTNER_MESSAGE("partner-message", false, false, true),
  /** Registration or matching put the participant on a waitlist. */
  WAITLISTED("waitlisted", false, true, false),
  /** A waitlisted applicant was given a place. */
  ADMITTED("admitted", false, true, false),
  /** A partner withdrew or was erased: the remaining members carry on, or get a new partner. */
  PARTNER_LEFT("partner-left", false, true, false),
  /** Staff dissolved the partnership, or it ended after a reported silence (to the silent). */
  PARTNERSHIP_DISSOLVED("partnership-dissolved", false, true, false),
  /** The introduction to a partnership formed for someone who had one before in the cycle. */
  NEW_PARTNER("introduction", false, true, true),
  /** A partner reported the recipient quiet: please write (names the reporter's first name). */
  REMINDER("reminder", false, true, true),
  /** The partnership ran to the end of its cycle: thanks, and the final survey. */
  PARTNERSHIP_ENDED("partnership-ended", false, true, false),
  /** The cycle ended, to those in it without a partnership. */
  CYCLE_COMPLETED("cycle-completed", false, true, false),
  /** A coordinator's announcement to a cycle or a segment of it. */
  ANNOUNCEMENT("announcement", false, true, false);

  private final String template;
  private final boolean secret;
  private final boolean notice;
  private final boolean namesPartners;

  MailKind(String template, boolean secret, boolean notice, boolean namesPartners) {
    this.template = template;
    this.secret = secret;
    this.notice = notice;
    this.namesPartners = namesPartners;
  }

  public String template() {
    return template;
  }

  /** Carries a secret link: its content is dropped once sent (or failed) and never logged. */
  public boolean secret() {
    return secret;
  }

  /** Shown to its recipient in the portal as a notice (a life event or an announcement). */
  public boolean notice() {
    return notice;
  }

  /** May name the other members of its partnership: scrubbed when one of them is erased. */
  public boolean namesPartners() {
    return namesPartners;
  }

  public static List<MailKind> notices() {
    return Arrays.stream(values()).filter(MailKind::notice).toList();
  }
}
