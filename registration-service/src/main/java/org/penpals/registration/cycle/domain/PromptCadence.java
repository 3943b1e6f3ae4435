package org.penpals.registration.cycle.domain;

public enum PromptCadence {
  WEEKLY,
  FORTNIGHTLY
}
