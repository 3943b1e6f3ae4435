package org.penpals.gateway.console;

import java.util.List;

/**
 * What an announcement's preview shows (nothing is sent): how many it reaches now and the mail in
 * each language with its readers.
 */
public record AnnouncementPreview(int recipients, List<AnnouncementPreview.Rendered> languages) {

  /** The mail in one language, as messaging renders it. */
  public record Rendered(
      String language, String name, int recipients, String subject, String html, String text) {}
}
