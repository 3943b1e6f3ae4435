package org.penpals.platform.events;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An integration event as a consumer sees it.
 *
 * @param id CloudEvents id (deduplication key)
 * @param type CloudEvents type
 * @param subject aggregate id
 * @param time when it happened, if the producer said
 * @param data the contract record
 */
public record ReceivedEvent<T>(
    String id, String type, String subject, @Nullable Instant time, T data) {}
