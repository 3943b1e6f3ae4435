package org.penpals.cohort;

import java.util.List;
import java.util.Set;

/** The programme's interest taxonomy: the ids an application may choose 1-5 of. */
public final class Interests {
  /** Every interest id, in the taxonomy's order. */
  public static final List<String> TAXONOMY =
      List.of(
          "reference-services",
          "information-literacy",
          "digital-literacy",
          "collection-development",
          "cataloguing-metadata",
          "digital-libraries",
          "library-technology",
          "open-access",
          "research-support",
          "research-data",
          "scholarly-communication",
          "children-and-youth",
          "school-libraries",
          "community-engagement",
          "outreach-marketing",
          "advocacy",
          "leadership-management",
          "professional-development",
          "accessibility-inclusion",
          "indigenous-knowledge",
          "preservation-conservation",
          "archives-special-collections",
          "makerspaces",
          "reading-promotion",
          "copyright-licensing",
          "evaluation-impact",
          "rural-libraries",
          "health-information",
          "government-information",
          "lis-education");

  private static final Set<String> IDS = Set.copyOf(TAXONOMY);

  private Interests() {}

  public static boolean contains(String id) {
    return IDS.contains(id);
  }

  /** A human label for an id: {@code children-and-youth} to "children and youth". */
  public static String label(String id) {
    return id.replace('-', ' ');
  }
}
