package org.penpals.messaging.directory.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.directory.domain.Partnership;
import org.penpals.messaging.directory.domain.Recipient;

/**
 * A participant's current partnership and their partners' cards, from this service's copies of
 * registration and matching events. The participant is always the caller (the token's subject).
 */
public class MyPartnership {
  private final Directory directory;

  /** Where a shown partnership stands (a dissolved one is never shown). */
  public enum Status {
    /** Formed and running. */
    ACTIVE,
    /** Ran to the end of its cycle: the portal shows "your partnership has ended". */
    COMPLETED
  }

  /**
   * A partnership seen by one of its members.
   *
   * @param partners the other members whose contact details are known
   * @param completedAt when it ended with its cycle; null while active
   */
  public record View(
      String partnershipId,
      String cycleId,
      Status status,
      @Nullable Instant completedAt,
      List<Recipient> partners) {
    public View {
      partners = List.copyOf(partners);
    }
  }

  public MyPartnership(Directory directory) {
    this.directory = directory;
  }

  /**
   * The newest partnership the participant is in that was formed and not dissolved, running or
   * completed with its cycle; empty if there is none (not matched yet, waitlisted, withdrawn, or
   * the partnership was dissolved and no new one formed).
   */
  public Optional<View> of(String participantId) {
    Optional<Recipient> me = directory.recipient(participantId);
    if (me.map(Recipient::withdrawn).orElse(false) || directory.erased(participantId)) {
      return Optional.empty();
    }
    List<String> ids = directory.partnershipsOf(participantId);
    for (int i = ids.size() - 1; i >= 0; i--) {
      Optional<Partnership> found =
          directory
              .partnership(ids.get(i))
              .filter(Partnership::current)
              .filter(p -> p.hasMember(participantId));
      if (found.isPresent()) {
        Partnership p = found.get();
        List<Recipient> partners = new ArrayList<>();
        for (String partner : p.partnersOf(participantId)) {
          directory.recipient(partner).ifPresent(partners::add);
        }
        return Optional.of(
            new View(
                p.partnershipId(),
                p.cycleId(),
                p.completed() ? Status.COMPLETED : Status.ACTIVE,
                p.completedAt(),
                partners));
      }
    }
    return Optional.empty();
  }
}
