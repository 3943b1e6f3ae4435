package org.penpals.messaging.announcement.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.announcement.domain.Announcement;

/** Where announcements are kept, one document each; every change a compare-and-set on its rev. */
public interface Announcements {
  /**
   * Stores a new announcement.
   *
   * @return false if its cycle already has one under the same idempotency key
   */
  boolean insert(Announcement announcement);

  Optional<Announcement> find(String id);

  Optional<Announcement> byKey(String cycleId, String idempotencyKey);

  /** A cycle's announcements, newest first. */
  List<Announcement> ofCycle(String cycleId, int limit);

  /** Scheduled or sending announcements whose time has come, oldest first. */
  List<Announcement> due(Instant now, int limit);

  /**
   * Writes {@code next} if the stored copy is still the one it was made from (rev {@code next.rev()
   * - 1}).
   *
   * @param audience the recipients, frozen when sending starts; null to keep them
   * @return whether it was written
   */
  boolean update(Announcement next, @Nullable List<String> audience);

  /** The recipients frozen when its sending started, in the order they are handled. */
  List<String> audience(String id);
}
