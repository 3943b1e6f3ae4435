package org.penpals.contracts.registration;

/** How often a cycle sends discussion prompts. */
public enum PromptCadence {
  WEEKLY,
  FORTNIGHTLY
}
