package org.penpals.messaging.mail.domain;

/** What a programme mail is for; also the name of its templates ({@code templates/mail/}). */
public enum MailKind {
  VERIFICATION("verification", true),
  /** One-time links to sign in to the portal ({@code SignInLinkRequested}). */
  SIGN_IN("sign-in", true),
  INTRODUCTION("introduction", false),
  PROMPT("prompt", false),
  PARTNER_MESSAGE("partner-message", false);

  private final String template;
  private final boolean secret;

  MailKind(String template, boolean secret) {
    this.template = template;
    this.secret = secret;
  }

  public String template() {
    return template;
  }

  /** Carries a secret link: its content is dropped once sent (or failed) and never logged. */
  public boolean secret() {
    return secret;
  }
}
