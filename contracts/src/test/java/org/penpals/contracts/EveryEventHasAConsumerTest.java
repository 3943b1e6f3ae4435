package org.penpals.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.messaging.MessagingEvents;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.registration.RegistrationEvents;

/**
 * Every integration event has a consumer (issue #10: an event nobody reads is either missing its
 * consumer or should not exist): some service registers a handler for it ({@code .on(XEvents.NAME,
 * ...)} on its {@code EventDispatcher}) and binds the event's topic in its {@code application.yml},
 * so the handler is reached. Reads the services' sources, like the schema test reads
 * docs/events.md.
 */
class EveryEventHasAConsumerTest {
  private static final Map<String, Path> SERVICES =
      Map.of(
          "registration-service", Path.of("../registration-service"),
          "matching-service", Path.of("../matching-service/app"),
          "prompt-service", Path.of("../prompt-service"),
          "messaging-service", Path.of("../messaging-service"));
  private static final Pattern HANDLER = Pattern.compile("\\.on\\(\\s*(\\w+Events)\\.(\\w+)\\b");

  @Test
  void shouldHaveEveryEventTypeHandledByAServiceThatBindsItsTopic() {
    Map<String, List<String>> handledBy = handlers();
    Map<String, String> names = constantNames();
    List<String> problems = new ArrayList<>();
    for (EventType<?> type : EventCatalog.all()) {
      String name = names.get(type.type());
      List<String> consumers = handledBy.getOrDefault(name, List.of());
      if (consumers.isEmpty()) {
        problems.add(type.type() + " (" + name + ") has no consumer");
      }
      for (String service : consumers) {
        if (!bindings(service).contains("destination: " + type.topic())) {
          problems.add(service + " handles " + name + " but binds no " + type.topic());
        }
      }
    }
    assertThat(problems).isEmpty();
  }

  /** Event constant (e.g. {@code MatchingEvents.RUN_COMPLETED}) to the services handling it. */
  private static Map<String, List<String>> handlers() {
    Map<String, List<String>> handledBy = new LinkedHashMap<>();
    SERVICES.forEach(
        (service, root) -> {
          try (Stream<Path> files = Files.walk(root.resolve("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
              Matcher m = HANDLER.matcher(Files.readString(file));
              while (m.find()) {
                List<String> list =
                    handledBy.computeIfAbsent(
                        m.group(1) + "." + m.group(2), k -> new ArrayList<>());
                if (!list.contains(service)) {
                  list.add(service);
                }
              }
            }
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
    assertThat(handledBy).as("handlers found in the services' sources").isNotEmpty();
    return handledBy;
  }

  /** Wire type to the name of its constant ({@code MatchingEvents.RUN_COMPLETED}). */
  private static Map<String, String> constantNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (Class<?> events :
        List.of(
            RegistrationEvents.class,
            MatchingEvents.class,
            PromptEvents.class,
            MessagingEvents.class)) {
      for (Field field : events.getFields()) {
        if (Modifier.isStatic(field.getModifiers()) && field.getType() == EventType.class) {
          try {
            names.put(
                ((EventType<?>) field.get(null)).type(),
                events.getSimpleName() + "." + field.getName());
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return names;
  }

  private static String bindings(String service) {
    try {
      return Files.readString(SERVICES.get(service).resolve("src/main/resources/application.yml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
