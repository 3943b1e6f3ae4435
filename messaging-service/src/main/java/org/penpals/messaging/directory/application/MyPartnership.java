package org.penpals.messaging.directory.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.penpals.messaging.directory.domain.Partnership;
import org.penpals.messaging.directory.domain.Recipient;

/**
 * A participant's current partnership and their partners' cards, from this service's copies of
 * registration and matching events. The participant is always the caller (the token's subject).
 */
public class MyPartnership {
  private final Directory directory;

  /**
   * A partnership seen by one of its members.
   *
   * @param status {@code ACTIVE}: formed and not dissolved (the only kind shown)
   * @param partners the other members whose contact details are known
   */
  public record View(
      String partnershipId, String cycleId, String status, List<Recipient> partners) {
    public View {
      partners = List.copyOf(partners);
    }
  }

  public MyPartnership(Directory directory) {
    this.directory = directory;
  }

  /**
   * The newest partnership the participant is in that was formed and not dissolved; empty if there
   * is none (not matched yet, waitlisted, withdrawn, or the partnership ended).
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
              .filter(Partnership::active)
              .filter(p -> p.hasMember(participantId));
      if (found.isPresent()) {
        Partnership p = found.get();
        List<Recipient> partners = new ArrayList<>();
        for (String partner : p.partnersOf(participantId)) {
          directory.recipient(partner).ifPresent(partners::add);
        }
        return Optional.of(new View(p.partnershipId(), p.cycleId(), "ACTIVE", partners));
      }
    }
    return Optional.empty();
  }
}
