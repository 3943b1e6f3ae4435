package org.penpals.contracts;

/**
 * Kafka header names of the CloudEvents attributes, binary content mode (CloudEvents Kafka protocol
 * binding 1.0). The record value is the event's {@code data} as JSON.
 */
public final class CloudEventHeaders {
  /** Always {@value #SPEC_VERSION_VALUE}. */
  public static final String SPEC_VERSION = "ce_specversion";

  public static final String SPEC_VERSION_VALUE = "1.0";

  /** Unique event id (UUID); consumers deduplicate on it. */
  public static final String ID = "ce_id";

  /**
   * Stable, versioned event type, e.g. {@code org.penpals.registration.participant.registered.v1}.
   */
  public static final String TYPE = "ce_type";

  /** The producing service as a URI reference, e.g. {@code /penpals/registration-service}. */
  public static final String SOURCE = "ce_source";

  /** When the change happened, RFC 3339. */
  public static final String TIME = "ce_time";

  /** The aggregate the event is about; also the record key. */
  public static final String SUBJECT = "ce_subject";

  /** Media type of the data: always {@value #JSON}. */
  public static final String CONTENT_TYPE = "content-type";

  public static final String JSON = "application/json";

  /** W3C trace context of the request that caused the event. */
  public static final String TRACEPARENT = "traceparent";

  private CloudEventHeaders() {}
}
