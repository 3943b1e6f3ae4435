package org.penpals.prompt.library;

/** What a prompt is for. Touchpoints ask for an answer; topics are for the partners to discuss. */
public enum PromptKind {
  /** A weekly discussion topic. */
  PROMPT,
  /** The week-3 "have you connected?" check-in. */
  CHECK_IN,
  /** The mid-cycle survey. */
  MID_SURVEY,
  /** The final feedback survey. */
  FINAL_SURVEY;

  /** Whether participants answer it (check-in, surveys). */
  public boolean touchpoint() {
    return this != PROMPT;
  }
}
