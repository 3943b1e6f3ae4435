package org.penpals.messaging.mail.adapter.out.template;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One register per language in every mail (ADR 0012 §4): Spanish speaks to the reader as
 * <em>usted</em> and calls the partner <em>compañero/a</em>, never <em>pareja</em>; French as
 * <em>vous</em>. Checks every message of {@code mail/messages_es|fr.properties} and every template
 * for the familiar forms that can be told apart reliably (pronouns, possessives, unambiguous verb
 * forms), and that every language has every message and MessageFormat-safe apostrophes.
 */
class RegisterTest {
  /** Spanish tú and vosotros forms, and "pareja". Word-bounded, case-insensitive. */
  private static final Pattern SPANISH_FAMILIAR =
      Pattern.compile(
          "(?iu)(?<![\\p{L}])("
              + "tú|tu|tus|te|ti|contigo|tuy[oa]s?"
              + "|vosotr[oa]s|os|vuestr[oa]s?"
              + "|eres|has|tienes|puedes|quieres|estás|sabes|debes|necesitas|recibes|participas"
              + "|escribes|deseas|podrías|prefieres"
              + "|parejas?"
              + ")(?![\\p{L}])");

  /** French tu forms: pronouns, possessives, elision, and être/avoir in the second person. */
  private static final Pattern FRENCH_FAMILIAR =
      Pattern.compile(
          "(?iu)(?<![\\p{L}])(?:(?:tu|toi|ton|ta|tes|te|es|as)(?![\\p{L}])|t['’](?=\\p{L}))");

  /**
   * French calls the person <em>partenaire</em> and the pair <em>binôme</em>, as the portal does:
   * "binôme" where it can only mean the person (written to, introduced, found, leaving) is wrong.
   */
  private static final Pattern FRENCH_BINOME_AS_PERSON =
      Pattern.compile(
          "(?iu)(?:(?:(?<!fin )à|avec|présenter|voici) votre (?:nouveau )?binôme"
              + "|nouveau binôme"
              + "|votre binôme (?:a quitté|pourra|penpals,|penpals aimerait|penpals est))");

  /** A single apostrophe: MessageFormat would swallow it (write '' for one). */
  private static final Pattern LONE_APOSTROPHE = Pattern.compile("(?<!')'(?!')");

  private static Properties bundle(String language) throws IOException {
    String name = "mail/messages" + (language.equals("en") ? "" : "_" + language) + ".properties";
    Properties properties = new Properties();
    try (InputStream in = RegisterTest.class.getClassLoader().getResourceAsStream(name);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      properties.load(reader);
    }
    return properties;
  }

  private static List<String> familiar(Pattern pattern, String where, String text) {
    List<String> found = new ArrayList<>();
    Matcher m = pattern.matcher(text);
    while (m.find()) {
      found.add(where + ": \"" + m.group() + "\" in \"" + text + "\"");
    }
    return found;
  }

  @Test
  void shouldSpeakToTheReaderAsUstedInEverySpanishMessage() throws IOException {
    Properties es = bundle("es");
    List<String> found = new ArrayList<>();
    es.stringPropertyNames()
        .forEach(k -> found.addAll(familiar(SPANISH_FAMILIAR, k, es.getProperty(k))));

    assertThat(found).isEmpty();
  }

  @Test
  void shouldSpeakToTheReaderAsVousInEveryFrenchMessage() throws IOException {
    Properties fr = bundle("fr");
    List<String> found = new ArrayList<>();
    fr.stringPropertyNames()
        .forEach(k -> found.addAll(familiar(FRENCH_FAMILIAR, k, fr.getProperty(k))));

    assertThat(found).isEmpty();
  }

  @Test
  void shouldCallThePersonPartenaireAndThePairBinomeInFrench() throws IOException {
    Properties fr = bundle("fr");
    List<String> found = new ArrayList<>();
    fr.stringPropertyNames()
        .forEach(k -> found.addAll(familiar(FRENCH_BINOME_AS_PERSON, k, fr.getProperty(k))));

    assertThat(found).isEmpty();
    assertThat(familiar(FRENCH_BINOME_AS_PERSON, "x", "Voici votre binôme Penpals")).hasSize(1);
    assertThat(familiar(FRENCH_BINOME_AS_PERSON, "x", "Votre binôme a pris fin")).isEmpty();
  }

  @Test
  void shouldWriteNoFamiliarFormIntoAnyTemplate() throws IOException, URISyntaxException {
    Path templates =
        Path.of(RegisterTest.class.getClassLoader().getResource("templates/mail").toURI());
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(templates)) {
      for (Path file : files.toList()) {
        // the words outside Thymeleaf expressions (attributes and [(...)] are code, not text)
        String words =
            Files.readString(file)
                .replaceAll("\\[\\(.*?\\)\\]", " ")
                .replaceAll("<[^>]*>", " ")
                .replaceAll("\\[/?#?[^\\]]*\\]", " ");
        found.addAll(familiar(SPANISH_FAMILIAR, file.getFileName().toString(), words));
        found.addAll(familiar(FRENCH_FAMILIAR, file.getFileName().toString(), words));
      }
    }

    assertThat(found).isEmpty();
  }

  @Test
  void shouldCatchTheFamiliarFormsItLooksFor() {
    assertThat(familiar(SPANISH_FAMILIAR, "x", "¿Qué hace tu biblioteca?")).hasSize(1);
    assertThat(familiar(SPANISH_FAMILIAR, "x", "Escribe a tu pareja")).hasSize(2);
    assertThat(familiar(SPANISH_FAMILIAR, "x", "Si tienes dudas, te ayudamos")).hasSize(2);
    assertThat(familiar(SPANISH_FAMILIAR, "x", "Su compañero/a le escribe; emparejamiento"))
        .isEmpty();
    assertThat(familiar(FRENCH_FAMILIAR, "x", "Écris à ton binôme")).hasSize(1);
    assertThat(familiar(FRENCH_FAMILIAR, "x", "Je t'écris, je t’attends")).hasSize(2);
    assertThat(familiar(FRENCH_FAMILIAR, "x", "Tu es inscrit")).hasSize(2);
    assertThat(familiar(FRENCH_FAMILIAR, "x", "Vous êtes inscrit·e ; n'hésitez pas, test"))
        .isEmpty();
  }

  @Test
  void shouldHaveEveryMessageInEveryLanguageWithApostrophesMessageFormatKeeps() throws IOException {
    Properties en = bundle("en");
    for (String language : ThymeleafMailTemplates.LANGUAGES) {
      Properties bundle = bundle(language);
      assertThat(bundle.stringPropertyNames())
          .as("messages in " + language)
          .isEqualTo(en.stringPropertyNames());
      for (String key : bundle.stringPropertyNames()) {
        assertThat(LONE_APOSTROPHE.matcher(bundle.getProperty(key)).find())
            .as(language + " " + key + " has a lone apostrophe (write '')")
            .isFalse();
      }
    }
  }
}
