package org.penpals.registration.participant.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The programme's interest taxonomy (ids are stable; labels are English defaults, the portal
 * localises them) and the locales mail and portal are offered in.
 */
public final class Taxonomy {
  private static final Map<String, String> INTERESTS = new LinkedHashMap<>();

  static {
    INTERESTS.put("reference-services", "Reference services");
    INTERESTS.put("information-literacy", "Information literacy");
    INTERESTS.put("digital-literacy", "Digital literacy");
    INTERESTS.put("collection-development", "Collection development");
    INTERESTS.put("cataloguing-metadata", "Cataloguing and metadata");
    INTERESTS.put("digital-libraries", "Digital libraries");
    INTERESTS.put("library-technology", "Library technology");
    INTERESTS.put("open-access", "Open access");
    INTERESTS.put("research-support", "Research support");
    INTERESTS.put("research-data", "Research data");
    INTERESTS.put("scholarly-communication", "Scholarly communication");
    INTERESTS.put("children-and-youth", "Children and youth services");
    INTERESTS.put("school-libraries", "School libraries");
    INTERESTS.put("community-engagement", "Community engagement");
    INTERESTS.put("outreach-marketing", "Outreach and marketing");
    INTERESTS.put("advocacy", "Advocacy");
    INTERESTS.put("leadership-management", "Leadership and management");
    INTERESTS.put("professional-development", "Professional development");
    INTERESTS.put("accessibility-inclusion", "Accessibility and inclusion");
    INTERESTS.put("indigenous-knowledge", "Indigenous knowledge");
    INTERESTS.put("preservation-conservation", "Preservation and conservation");
    INTERESTS.put("archives-special-collections", "Archives and special collections");
    INTERESTS.put("makerspaces", "Makerspaces");
    INTERESTS.put("reading-promotion", "Reading promotion");
    INTERESTS.put("copyright-licensing", "Copyright and licensing");
    INTERESTS.put("evaluation-impact", "Evaluation and impact");
    INTERESTS.put("rural-libraries", "Rural libraries");
    INTERESTS.put("health-information", "Health information");
    INTERESTS.put("government-information", "Government information");
    INTERESTS.put("lis-education", "LIS education");
  }

  public static final List<String> LOCALES = List.of("en", "es", "fr");

  private Taxonomy() {}

  public static Map<String, String> interests() {
    return java.util.Collections.unmodifiableMap(INTERESTS);
  }

  public static boolean isInterest(String id) {
    return INTERESTS.containsKey(id);
  }

  public static Set<String> interestIds() {
    return INTERESTS.keySet();
  }
}
