package org.penpals.matching.engine;

/** How the experience criterion rewards the difference in years in the profession. */
public enum ExperienceMode {
  /** Mentor-style pairs: a gap of ten years or more earns full points. */
  COMPLEMENTARY,
  /** Peer-style pairs: equal experience earns full points, a gap of ten years or more none. */
  SIMILAR
}
