package org.penpals.prompt.library;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The default programme written for librarians ({@code prompts/default-programme.json}): 18 weekly
 * topics from getting to know each other to "what now?", and the three touchpoints, in English with
 * Spanish and French translations (one register per language: Spanish <i>usted</i> and <i>compañero
 * o compañera</i>, French <i>vous</i> and <i>partenaire</i>).
 *
 * <p>The default texts of earlier versions ({@code prompts/earlier/}) let seeding recognise a
 * library prompt that still holds one (staff never edited it) and give it the current text.
 */
public final class DefaultProgramme {
  public static final String RESOURCE = "/prompts/default-programme.json";

  /** The default programmes of earlier versions, oldest first. */
  public static final List<String> EARLIER =
      List.of("/prompts/earlier/default-programme-2026-11.json");

  private DefaultProgramme() {}

  public static List<LibraryPrompt> prompts() {
    return read(RESOURCE);
  }

  /** The default texts earlier versions seeded, by prompt id. */
  public static Map<String, List<LibraryPrompt>> earlierTexts() {
    Map<String, List<LibraryPrompt>> earlier = new LinkedHashMap<>();
    for (String resource : EARLIER) {
      for (LibraryPrompt p : read(resource)) {
        earlier.computeIfAbsent(p.id(), id -> new ArrayList<>()).add(p);
      }
    }
    return earlier;
  }

  static List<LibraryPrompt> read(String resource) {
    try (InputStream in = DefaultProgramme.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " is missing");
      }
      JsonNode root = JsonMapper.builder().build().readTree(in);
      List<LibraryPrompt> prompts = new ArrayList<>();
      for (JsonNode p : root.get("prompts")) {
        Map<String, Translation> translations = new LinkedHashMap<>();
        JsonNode t = p.get("translations");
        if (t != null) {
          for (var entry : t.properties()) {
            translations.put(
                entry.getKey(),
                new Translation(
                    entry.getValue().get("title").asString(), lines(entry.getValue().get("body"))));
          }
        }
        prompts.add(
            new LibraryPrompt(
                p.get("id").asString(),
                PromptKind.valueOf(p.get("kind").asString()),
                p.get("title").asString(),
                lines(p.get("body")),
                p.get("theme").asString(),
                translations,
                p.get("position").asInt()));
      }
      return prompts;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String lines(JsonNode body) {
    if (body.isArray()) {
      List<String> lines = new ArrayList<>();
      body.forEach(line -> lines.add(line.asString()));
      return String.join("\n", lines);
    }
    return body.asString();
  }
}
