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
   * Sign-in links to mail, keyed by participant id. Producer: registration-service. Its events
   * carry secrets (the link's token): only the mailer follows it.
   */
  public static final String REGISTRATION_SIGN_IN_LINKS = "penpals.registration.sign-in-links.v1";

  /** Partnerships formed and dissolved, keyed by partnership id. Producer: matching-service. */
  public static final String MATCHING_PARTNERSHIPS = "penpals.matching.partnerships.v1";

  /** Participants left without a partner, keyed by participant id. Producer: matching-service. */
  public static final String MATCHING_PARTICIPANTS = "penpals.matching.participants.v1";

  /** Matching runs and publications, keyed by cycle id. Producer: matching-service. */
  public static final String MATCHING_RUNS = "penpals.matching.runs.v1";

  /** Prompt plans and due prompts, keyed by partnership id. Producer: prompt-service. */
  public static final String PROMPT_DELIVERIES = "penpals.prompts.deliveries.v1";

  /**
   * Where each cycle stands in programme time (started, ended), keyed by cycle id. Producer:
   * prompt-service, which keeps the programme clock.
   */
  public static final String PROMPT_CYCLES = "penpals.prompts.cycles.v1";

  /**
   * Check-in answers, reminders to quiet partners and quiet partnerships, keyed by partnership id.
   * Producer: prompt-service.
   */
  public static final String PROMPT_ENGAGEMENT = "penpals.prompts.engagement.v1";

  /** Mails sent or failed, keyed by mail id. Producer: messaging-service. */
  public static final String MESSAGING_MAILS = "penpals.messaging.mails.v1";

  /** Partner messages posted, keyed by partnership id. Producer: messaging-service. */
  public static final String MESSAGING_CONVERSATIONS = "penpals.messaging.conversations.v1";

  /** The dead-letter topic a consumer group uses for a topic (the binder's naming). */
  public static String deadLetter(String topic, String group) {
    return "error." + topic + "." + group;
  }

  private Topics() {}
}
