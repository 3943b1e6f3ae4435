package org.penpals.messaging.mail.adapter.out.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.penpals.messaging.mail.domain.MailContent;
import org.penpals.messaging.mail.domain.MailKind;

class ThymeleafMailTemplatesTest {
  final ThymeleafMailTemplates templates = new ThymeleafMailTemplates();

  Map<String, Object> intro(String partnerName) {
    return Map.of(
        "name",
        "Ana <Admin>",
        "partners",
        List.of(
            Map.of(
                "name", partnerName,
                "country", "Kenya",
                "organisation", "KNLS & Co",
                "email", "x@example.org",
                "localTime", "Monday 10:00 (Africa/Nairobi, UTC+03:00)")),
        "trio",
        false,
        "partnerNames",
        partnerName,
        "prompt",
        Map.of("title", "Hello", "body", "Say **hi** <script>x()</script>"),
        "firstDue",
        "",
        "portal",
        "http://portal");
  }

  @Test
  void shouldEscapeEveryValueInHtmlAndRenderMarkdownSafely() {
    MailContent mail =
        templates.render(MailKind.INTRODUCTION, "en", intro("<img src=x onerror=alert(1)>"));

    assertThat(mail.html())
        .contains("&lt;img src=x onerror=alert(1)&gt;", "Ana &lt;Admin&gt;", "KNLS &amp; Co")
        .contains("<strong>hi</strong>", "&lt;script&gt;x()&lt;/script&gt;")
        .doesNotContain("<img", "<script");
    assertThat(mail.text()).contains("Dear Ana <Admin>,", "KNLS & Co", "Say **hi**");
    assertThat(mail.subject()).isEqualTo("Meet your Penpals partner: <img src=x onerror=alert(1)>");
  }

  @Test
  void shouldChooseTheParticipantsLanguageAndFallBackToEnglish() {
    assertThat(templates.language("es-MX")).isEqualTo("es");
    assertThat(templates.language("fr_CA")).isEqualTo("fr");
    assertThat(templates.language("de")).isEqualTo("en");
    assertThat(templates.language("")).isEqualTo("en");

    assertThat(templates.render(MailKind.INTRODUCTION, "fr", intro("Wanjiru")).subject())
        .isEqualTo("Voici votre binôme Penpals : Wanjiru");
    assertThat(templates.render(MailKind.INTRODUCTION, "es", intro("Wanjiru")).text())
        .contains("Su hora local ahora");
  }

  @Test
  void shouldRenderEveryKindInEveryLanguageWithoutMissingMessages() {
    Map<MailKind, Map<String, Object>> models =
        Map.of(
            MailKind.INTRODUCTION, intro("Tom"),
            MailKind.PROMPT,
                Map.of(
                    "name", "Ana",
                    "week", 3,
                    "kind", "CHECK_IN",
                    "prompt", Map.of("title", "Connected?", "body", "Have you *met*?"),
                    "late", true,
                    "due", "Monday",
                    "portal", "http://portal"),
            MailKind.VERIFICATION,
                Map.of("name", "Ana", "link", "http://x/verify?token=a&b", "expires", "Monday"),
            MailKind.SIGN_IN, Map.of("name", "Ana", "link", "http://x/s", "expires", "Monday"),
            MailKind.PARTNER_MESSAGE,
                Map.of("name", "Ana", "partner", "Tom", "link", "http://x/c"));
    for (String language : ThymeleafMailTemplates.LANGUAGES) {
      models.forEach(
          (kind, model) -> {
            MailContent mail = templates.render(kind, language, model);
            assertThat(mail.subject() + mail.text() + mail.html())
                .as(kind + " " + language)
                .doesNotContain("??")
                .doesNotContain("[(")
                .doesNotContain("${");
          });
    }
    assertThat(
            templates.render(MailKind.VERIFICATION, "en", models.get(MailKind.VERIFICATION)).html())
        .contains("href=\"http://x/verify?token=a&amp;b\"");
  }
}
