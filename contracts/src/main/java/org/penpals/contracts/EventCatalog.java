package org.penpals.contracts;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.penpals.contracts.matching.MatchingEvents;
import org.penpals.contracts.messaging.MessagingEvents;
import org.penpals.contracts.prompts.PromptEvents;
import org.penpals.contracts.registration.RegistrationEvents;

/** Every integration event type, looked up by its wire name or its data class. */
public final class EventCatalog {
  private static final List<EventType<?>> ALL =
      java.util.stream.Stream.of(
              RegistrationEvents.ALL, MatchingEvents.ALL, PromptEvents.ALL, MessagingEvents.ALL)
          .flatMap(List::stream)
          .toList();
  private static final Map<String, EventType<?>> BY_TYPE =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::type, Function.identity()));
  private static final Map<Class<?>, EventType<?>> BY_CLASS =
      ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

  private EventCatalog() {}

  public static List<EventType<?>> all() {
    return ALL;
  }

  public static Optional<EventType<?>> byType(String type) {
    return Optional.ofNullable(BY_TYPE.get(type));
  }

  /** The event type whose data is {@code dataClass}; fails if the class is not a contract. */
  @SuppressWarnings("unchecked")
  public static <T> EventType<T> of(Class<T> dataClass) {
    EventType<?> type = BY_CLASS.get(dataClass);
    if (type == null) {
      throw new IllegalArgumentException(dataClass.getName() + " is not an integration event");
    }
    return (EventType<T>) type;
  }
}
