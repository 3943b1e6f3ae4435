package org.penpals.contracts;

/**
 * Kafka topic names: one topic per aggregate stream, keyed by the aggregate id, versioned in the
 * name. A breaking change gets a new topic ({@code .v2}), never a changed meaning.
 */
public final class Topics {
  /** Cycle lifecycle, keyed by cycle id. Producer: registration-service. */
  public static final String REGISTRATION_CYCLES = "penpals.registration.cycles.v1";

  /** Applications and participants, keyed by participant id. Producer: registration-service. */
  public static final String REGISTRATION_PARTICIPANTS = "penpals.registration.participants.v1";

  /**
   * Suffix of the dead-letter topic a consumer group uses for a topic: {@code <topic>.<group>.dlt}.
   */
  public static String deadLetter(String topic, String group) {
    return topic + "." + group + ".dlt";
  }

  private Topics() {}
}
