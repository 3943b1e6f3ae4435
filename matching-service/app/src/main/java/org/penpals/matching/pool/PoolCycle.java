package org.penpals.matching.pool;

import java.time.LocalDate;

/** What matching knows of a cycle, from the registration events. */
public record PoolCycle(
    String cycleId, String name, String status, LocalDate partnershipStartsOn) {}
