package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One register per language on every page, as in every mail (ADR 0012 §4): Spanish speaks to the
 * reader as <em>usted</em> and calls the partner <em>compañero/a</em>, never <em>pareja</em>;
 * French as <em>vous</em>, the partner <em>partenaire</em>. Checks every message of {@code
 * messages_es|fr.properties} for the familiar forms that can be told apart reliably (pronouns,
 * possessives, unambiguous verb forms) — the same patterns as messaging-service's mail check.
 */
class RegisterTest {
  /** Spanish tú and vosotros forms, and "pareja". Word-bounded, case-insensitive. */
  private static final Pattern SPANISH_FAMILIAR =
      Pattern.compile(
          "(?iu)(?<![\\p{L}])("
              + "tú|tu|tus|te|ti|contigo|tuy[oa]s?"
              + "|vosotr[oa]s|os|vuestr[oa]s?"
              + "|eres|has|tienes|puedes|quieres|estás|sabes|debes|necesitas|recibes|participas"
              + "|escribes|deseas|podrías|prefieres|cuéntanos|dinos|escríbenos"
              + "|parejas?"
              + ")(?![\\p{L}])");

  /** A partner named in the singular without its feminine: write "compañero/a". */
  private static final Pattern SPANISH_ONE_GENDER =
      Pattern.compile("(?iu)(?<![\\p{L}])compañer[oa](?![\\p{L}/])");

  /** French tu forms: pronouns, possessives, elision, and être/avoir in the second person. */
  private static final Pattern FRENCH_FAMILIAR =
      Pattern.compile(
          "(?iu)(?<![\\p{L}])(?:(?:tu|toi|ton|ta|tes|te|es|as)(?![\\p{L}])|t['’](?=\\p{L}))");

  /** French words for the partner other than "partenaire" (binôme is the partnership). */
  private static final Pattern FRENCH_OTHER_PARTNER =
      Pattern.compile("(?iu)(?<![\\p{L}])(correspondant|copain|copine|collègue de binôme)");

  private static List<String> found(Pattern pattern, Properties bundle) {
    List<String> found = new ArrayList<>();
    for (String key : bundle.stringPropertyNames()) {
      Matcher m = pattern.matcher(bundle.getProperty(key));
      while (m.find()) {
        found.add(key + ": \"" + m.group() + "\" in \"" + bundle.getProperty(key) + "\"");
      }
    }
    return found;
  }

  @Test
  void shouldSpeakToTheReaderAsUstedAndCallThePartnerCompaneroInEverySpanishMessage()
      throws IOException {
    Properties es = MessagesTest.load("messages_es.properties");

    assertThat(found(SPANISH_FAMILIAR, es)).isEmpty();
    assertThat(found(SPANISH_ONE_GENDER, es)).isEmpty();
  }

  @Test
  void shouldSpeakToTheReaderAsVousInEveryFrenchMessage() throws IOException {
    Properties fr = MessagesTest.load("messages_fr.properties");

    assertThat(found(FRENCH_FAMILIAR, fr)).isEmpty();
    assertThat(found(FRENCH_OTHER_PARTNER, fr)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"messages.properties", "messages_es.properties", "messages_fr.properties"})
  void shouldWriteTypographicApostrophesMessageFormatCannotSwallow(String file) throws IOException {
    // a single ' in a message with arguments is MessageFormat's quote: it would eat the text
    Properties bundle = MessagesTest.load(file);

    assertThat(found(Pattern.compile("'"), bundle)).isEmpty();
  }

  @Test
  void shouldCatchTheFormsItLooksFor() {
    Properties sample = new Properties();
    sample.setProperty("a", "¿Qué hace tu biblioteca?");
    sample.setProperty("b", "Escribe a tu pareja");
    sample.setProperty("c", "Si tienes dudas, te ayudamos");
    assertThat(found(SPANISH_FAMILIAR, sample)).hasSize(5);
    sample.clear();
    sample.setProperty("a", "Su compañero le escribe");
    sample.setProperty("b", "Su compañero/a le escribe; los compañeros; emparejamiento");
    assertThat(found(SPANISH_FAMILIAR, sample)).isEmpty();
    assertThat(found(SPANISH_ONE_GENDER, sample)).hasSize(1);
    sample.clear();
    sample.setProperty("a", "Écris à ton binôme");
    sample.setProperty("b", "Je t'écris, je t’attends");
    sample.setProperty("c", "Tu es inscrit");
    assertThat(found(FRENCH_FAMILIAR, sample)).hasSize(5);
    sample.clear();
    sample.setProperty("a", "Vous êtes inscrit·e ; n’hésitez pas, test, les tests");
    assertThat(found(FRENCH_FAMILIAR, sample)).isEmpty();
  }
}
