package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every language has every message, and every message a template names exists. */
class MessagesTest {

  static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in = MessagesTest.class.getResourceAsStream("/" + name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @ParameterizedTest
  @ValueSource(strings = {"messages_es.properties", "messages_fr.properties"})
  void shouldTranslateEveryMessage(String file) throws IOException {
    Properties english = load("messages.properties");
    Properties other = load(file);

    assertThat(new TreeSet<>(other.stringPropertyNames()))
        .isEqualTo(new TreeSet<>(english.stringPropertyNames()));
    for (String key : english.stringPropertyNames()) {
      assertThat(other.getProperty(key)).as(file + " " + key).isNotBlank();
      // the same placeholders in every language
      assertThat(placeholders(other.getProperty(key)))
          .as(file + " " + key)
          .isEqualTo(placeholders(english.getProperty(key)));
    }
  }

  @Test
  void shouldDefineEveryLiteralKeyTheTemplatesUse() throws IOException {
    Properties english = load("messages.properties");
    Pattern literal = Pattern.compile("#\\{([a-zA-Z][\\w.-]*)(?:\\(|})");
    Set<String> missing = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        Matcher m = literal.matcher(Files.readString(file));
        while (m.find()) {
          if (!english.containsKey(m.group(1))) {
            missing.add(file.getFileName() + ": " + m.group(1));
          }
        }
      }
    }
    assertThat(missing).isEmpty();
  }

  private static Set<String> placeholders(String message) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile("\\{\\d}").matcher(message);
    while (m.find()) {
      found.add(m.group());
    }
    return found;
  }
}
