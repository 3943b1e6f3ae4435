package org.penpals.platform.outbox;

/** Declares a MongoDB collection whose documents carry an outbox; a bean per collection. */
public record OutboxCollection(String name) {}
