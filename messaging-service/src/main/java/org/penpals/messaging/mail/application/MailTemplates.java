package org.penpals.messaging.mail.application;

import java.util.Map;
import org.penpals.messaging.mail.domain.MailContent;
import org.penpals.messaging.mail.domain.MailKind;

/** Renders a kind of mail in a language: subject, plain text and HTML (values escaped). */
public interface MailTemplates {
  /**
   * @param language a supported language ({@link #language})
   * @param model plain values (strings, numbers, records of them); never markup
   */
  MailContent render(MailKind kind, String language, Map<String, Object> model);

  /** The supported language closest to a BCP 47 tag ({@code es-MX} → {@code es}), else English. */
  String language(String localeTag);
}
