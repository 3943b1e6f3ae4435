package org.penpals.matching.partnership;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A published partnership: two or three people for the cycle's four months.
 *
 * @param origin {@code INITIAL}, {@code LATE}, {@code REPLACEMENT} or {@code MANUAL}
 * @param status {@code ACTIVE} or {@code DISSOLVED}
 */
public record Partnership(
    String id,
    String cycleId,
    List<String> members,
    long score,
    String origin,
    String runId,
    String status,
    Instant formedAt,
    @Nullable Instant dissolvedAt,
    @Nullable String dissolvedReason) {

  public Partnership {
    members = List.copyOf(members);
  }

  public boolean active() {
    return "ACTIVE".equals(status);
  }
}
