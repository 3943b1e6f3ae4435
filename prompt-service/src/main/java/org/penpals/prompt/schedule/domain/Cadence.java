package org.penpals.prompt.schedule.domain;

/** How often a cycle sends prompts. */
public enum Cadence {
  WEEKLY,
  FORTNIGHTLY
}
