package org.penpals.messaging.mail.adapter.out.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumMap;
import java.util.HashMap;
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
        .isEqualTo("Voici votre partenaire Penpals : Wanjiru");
    assertThat(templates.render(MailKind.INTRODUCTION, "es", intro("Wanjiru")).text())
        .contains("Su hora local ahora");
  }

  /** A model for every kind, with every variant the templates choose between. */
  Map<MailKind, List<Map<String, Object>>> everyKind() {
    Map<MailKind, List<Map<String, Object>>> models = new EnumMap<>(MailKind.class);
    models.put(MailKind.INTRODUCTION, List.of(intro("Tom")));
    models.put(MailKind.NEW_PARTNER, List.of(intro("Tom")));
    models.put(
        MailKind.PROMPT,
        List.of(
            Map.of(
                "name", "Ana",
                "week", 3,
                "kind", "CHECK_IN",
                "prompt", Map.of("title", "Connected?", "body", "Have you *met*?"),
                "late", true,
                "due", "Monday",
                "portal", "http://portal")));
    models.put(
        MailKind.VERIFICATION,
        List.of(Map.of("name", "Ana", "link", "http://x/verify?token=a&b", "expires", "Monday")));
    models.put(
        MailKind.SIGN_IN,
        List.of(Map.of("name", "Ana", "link", "http://x/s", "expires", "Monday")));
    models.put(
        MailKind.PARTNER_MESSAGE,
        List.of(Map.of("name", "Ana", "partner", "Tom", "link", "http://x/c")));
    models.put(
        MailKind.WAITLISTED,
        List.of(
            waitlisted("CAPACITY", "REGISTRATION", "2031 cycle 1"),
            waitlisted("COUNTRY_CAP", "REGISTRATION", ""),
            waitlisted("MATCHING", "MATCHING", "2031 cycle 1")));
    models.put(
        MailKind.ADMITTED,
        List.of(
            Map.of("name", "Ana", "cycle", "2031 cycle 1", "portal", "http://portal"),
            Map.of("name", "Ana", "cycle", "", "portal", "http://portal")));
    models.put(
        MailKind.PARTNER_LEFT,
        List.of(
            Map.of("name", "Ana", "carryOn", false, "others", "", "portal", "http://portal"),
            Map.of("name", "Ana", "carryOn", true, "others", "Tom", "portal", "http://portal"),
            Map.of("name", "Ana", "carryOn", true, "others", "", "portal", "http://portal")));
    models.put(MailKind.PARTNERSHIP_DISSOLVED, List.of(dissolved("STAFF"), dissolved("QUIET")));
    models.put(
        MailKind.REMINDER,
        List.of(
            Map.of("name", "Ana", "reporter", "Tom", "answerBy", "Friday", "link", "http://x/m"),
            Map.of("name", "Ana", "reporter", "", "answerBy", "Friday", "link", "http://x/m")));
    models.put(
        MailKind.PARTNERSHIP_ENDED,
        List.of(Map.of("name", "Ana", "cycle", "2031 cycle 1", "survey", "http://x/home#s")));
    models.put(
        MailKind.CYCLE_COMPLETED,
        List.of(Map.of("name", "Ana", "cycle", "2031 cycle 1", "portal", "http://portal")));
    models.put(
        MailKind.ANNOUNCEMENT,
        List.of(
            Map.of(
                "subject", "Webinar",
                "body", "Join **us**",
                "cycle", "2031 cycle 1",
                "portal", "http://portal")));
    return models;
  }

  private static Map<String, Object> waitlisted(String reason, String stage, String cycle) {
    return Map.of(
        "name", "Ana", "reason", reason, "stage", stage, "cycle", cycle, "portal", "http://p");
  }

  private static Map<String, Object> dissolved(String reason) {
    return Map.of(
        "name", "Ana", "reason", reason, "contact", "team@example.org", "portal", "http://p");
  }

  @Test
  void shouldRenderEveryKindInEveryLanguageWithoutMissingMessages() {
    Map<MailKind, List<Map<String, Object>>> models = everyKind();
    assertThat(models.keySet()).containsExactlyInAnyOrder(MailKind.values());
    for (String language : ThymeleafMailTemplates.LANGUAGES) {
      models.forEach(
          (kind, variants) -> {
            for (Map<String, Object> model : variants) {
              MailContent mail = templates.render(kind, language, model);
              assertThat(mail.subject() + mail.text() + mail.html())
                  .as(kind + " " + language + " " + model)
                  .doesNotContain("??")
                  .doesNotContain("[(")
                  .doesNotContain("${")
                  .doesNotContain("{0}")
                  .doesNotContain("{1}");
              assertThat(mail.text()).as(kind + " " + language).isNotBlank();
            }
          });
    }
    assertThat(
            templates
                .render(MailKind.VERIFICATION, "en", models.get(MailKind.VERIFICATION).get(0))
                .html())
        .contains("href=\"http://x/verify?token=a&amp;b\"");
  }

  @Test
  void shouldRenderEveryLanguageDifferently() {
    everyKind()
        .forEach(
            (kind, variants) -> {
              for (Map<String, Object> model : variants) {
                if (kind == MailKind.ANNOUNCEMENT) {
                  continue; // the coordinator's own text, only the footer is translated
                }
                MailContent en = templates.render(kind, "en", model);
                MailContent es = templates.render(kind, "es", model);
                MailContent fr = templates.render(kind, "fr", model);
                assertThat(List.of(en.text(), es.text(), fr.text()))
                    .as(kind + " " + model)
                    .doesNotHaveDuplicates();
              }
            });
  }

  @Test
  void shouldTellEachLifeEventInTheRecipientsLanguage() {
    // waitlisted by registration, in Spanish (usted), and by matching, in French
    assertThat(
            templates
                .render(MailKind.WAITLISTED, "es", waitlisted("COUNTRY_CAP", "REGISTRATION", "C1"))
                .text())
        .contains("Estimado/a Ana:", "plazas para su país", "Ciclo: C1");
    assertThat(
            templates
                .render(MailKind.WAITLISTED, "fr", waitlisted("MATCHING", "MATCHING", ""))
                .text())
        .contains("pas encore trouvé de partenaire")
        .doesNotContain("Cycle :");
    // a trio's two others carry on, a pair's other is told we look for a new partner
    assertThat(
            templates
                .render(
                    MailKind.PARTNER_LEFT,
                    "en",
                    Map.of("name", "Ana", "carryOn", true, "others", "Tom", "portal", "p"))
                .text())
        .contains("You and Tom carry on together")
        .doesNotContain("new partner for you");
    assertThat(
            templates
                .render(
                    MailKind.PARTNER_LEFT,
                    "en",
                    Map.of("name", "Ana", "carryOn", false, "others", "", "portal", "p"))
                .html())
        .contains("looking for a new partner for you");
    // the silent partner is told kindly, and whom to write to
    MailContent quiet = templates.render(MailKind.PARTNERSHIP_DISSOLVED, "en", dissolved("QUIET"));
    assertThat(quiet.text()).contains("sent you a reminder", "team@example.org");
    // a reminder names the reporter by the first name it is given, and the date
    Map<String, Object> reminder = new HashMap<>();
    reminder.putAll(
        Map.of("name", "Ana", "reporter", "Tom", "answerBy", "vendredi 7 mars", "link", "L"));
    assertThat(templates.render(MailKind.REMINDER, "fr", reminder).text())
        .contains("Tom, votre partenaire Penpals", "d'ici le vendredi 7 mars", "L");
    // a new partner's introduction is worded for a new partner
    assertThat(templates.render(MailKind.NEW_PARTNER, "es", intro("Tom")).subject())
        .isEqualTo("Le presentamos a su nuevo compañero/a de Penpals: Tom");
    // the end of a partnership links the final survey
    assertThat(
            templates
                .render(
                    MailKind.PARTNERSHIP_ENDED,
                    "en",
                    Map.of("name", "Ana", "cycle", "C1", "survey", "http://p/home#checkins"))
                .html())
        .contains("href=\"http://p/home#checkins\"");
    assertThat(
            templates
                .render(
                    MailKind.CYCLE_COMPLETED,
                    "fr",
                    Map.of("name", "Ana", "cycle", "2031 cycle 1", "portal", "p"))
                .subject())
        .isEqualTo("Le cycle Penpals 2031 cycle 1 est terminé");
  }

  @Test
  void shouldRenderAnAnnouncementsMarkdownSafelyAndAsPlainText() {
    MailContent mail =
        templates.render(
            MailKind.ANNOUNCEMENT,
            "es",
            Map.of(
                "subject", "Webinar <b>today</b>",
                "body",
                    "Join **us** at [the page](https://example.org/x)"
                        + " <script>alert(1)</script>\n\n<img src=x onerror=alert(2)>"
                        + "\n\n[bad](javascript:alert(3))",
                "cycle", "2031 cycle 1",
                "portal", "http://portal"));

    assertThat(mail.subject()).isEqualTo("Webinar <b>today</b>");
    assertThat(mail.html())
        .contains("<strong>us</strong>", "href=\"https://example.org/x\">the page</a>")
        .contains("&lt;script&gt;", "&lt;img src=x onerror=alert(2)&gt;")
        .doesNotContain("<script", "<img", "javascript:")
        .contains("Recibe este anuncio", "2031 cycle 1");
    assertThat(mail.text())
        .contains("Join us at", "the page", "https://example.org/x")
        .doesNotContain("**")
        .contains("Recibe este anuncio");
  }
}
