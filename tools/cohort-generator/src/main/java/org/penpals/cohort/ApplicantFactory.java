package org.penpals.cohort;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.penpals.cohort.Tables.Country;
import org.penpals.cohort.Tables.Name;
import org.penpals.cohort.Tables.NameRegion;
import org.penpals.cohort.Tables.OtherLanguage;
import org.penpals.contracts.registration.LanguageSkill;
import org.penpals.contracts.registration.LibrarySector;
import org.penpals.contracts.registration.PartnerPreferences;
import org.penpals.contracts.registration.SectorPreference;

/** Makes one applicant in a given country from a random source: the distributions live here. */
final class ApplicantFactory {
  private record SectorProfile(
      double share,
      List<String> roles,
      List<String> organisations,
      List<String> favouriteInterests) {}

  /** Sector mix of a real programme, roles, organisation templates and the interests it favours. */
  private static final Map<LibrarySector, SectorProfile> SECTORS =
      new EnumMap<>(LibrarySector.class);

  static {
    SECTORS.put(
        LibrarySector.ACADEMIC,
        new SectorProfile(
            0.31,
            List.of(
                "Subject Librarian",
                "Research Support Librarian",
                "Liaison Librarian",
                "Systems Librarian",
                "Cataloguer",
                "Scholarly Communications Librarian",
                "Research Data Librarian",
                "Information Literacy Librarian",
                "Head of Collections",
                "University Librarian"),
            List.of(
                "University of {city} Library",
                "{city} University Library",
                "{city} Institute of Technology Library",
                "Open University of {country}, Library",
                "{city} College of Medicine Library",
                "{city} Polytechnic Library"),
            List.of(
                "research-support",
                "information-literacy",
                "open-access",
                "scholarly-communication",
                "research-data",
                "digital-libraries",
                "collection-development",
                "library-technology")));
    SECTORS.put(
        LibrarySector.PUBLIC,
        new SectorProfile(
            0.25,
            List.of(
                "Librarian",
                "Children's Librarian",
                "Branch Manager",
                "Library Assistant",
                "Community Engagement Librarian",
                "Youth Services Librarian",
                "Library Technician",
                "Outreach Coordinator",
                "Digital Services Librarian",
                "Library Director"),
            List.of(
                "{city} Public Library",
                "{city} City Library",
                "{city} Central Library",
                "{city} Regional Library Service",
                "{city} Municipal Library"),
            List.of(
                "community-engagement",
                "reading-promotion",
                "children-and-youth",
                "outreach-marketing",
                "digital-literacy",
                "rural-libraries",
                "makerspaces",
                "advocacy",
                "accessibility-inclusion")));
    SECTORS.put(
        LibrarySector.SCHOOL,
        new SectorProfile(
            0.10,
            List.of(
                "Teacher Librarian",
                "School Librarian",
                "Library Technician",
                "Head of Library",
                "Library Assistant"),
            List.of(
                "{city} High School",
                "{city} International School",
                "{city} Grammar School",
                "St Mary's College, {city}",
                "{city} Primary School"),
            List.of(
                "school-libraries",
                "children-and-youth",
                "reading-promotion",
                "information-literacy",
                "digital-literacy")));
    SECTORS.put(
        LibrarySector.SPECIAL,
        new SectorProfile(
            0.08,
            List.of(
                "Law Librarian",
                "Health Sciences Librarian",
                "Information Specialist",
                "Knowledge Manager",
                "Corporate Librarian",
                "Clinical Librarian"),
            List.of(
                "{city} Law Library",
                "{country} Chamber of Commerce Library",
                "{city} Children's Hospital Library",
                "{country} Agricultural Research Institute Library",
                "{city} Art Gallery Research Library",
                "Engineering Society Library, {city}"),
            List.of(
                "health-information",
                "research-support",
                "evaluation-impact",
                "copyright-licensing",
                "reference-services")));
    SECTORS.put(
        LibrarySector.NATIONAL_STATE,
        new SectorProfile(
            0.05,
            List.of(
                "Curator",
                "Reference Librarian",
                "Metadata Librarian",
                "Digital Preservation Officer",
                "Collection Manager",
                "Legal Deposit Officer"),
            List.of(
                "National Library of {country}",
                "{city} State Library",
                "Parliamentary Library of {country}",
                "National Archives and Library of {country}"),
            List.of(
                "preservation-conservation",
                "cataloguing-metadata",
                "digital-libraries",
                "archives-special-collections",
                "indigenous-knowledge",
                "collection-development")));
    SECTORS.put(
        LibrarySector.GOVERNMENT,
        new SectorProfile(
            0.04,
            List.of(
                "Information Officer",
                "Government Librarian",
                "Records Manager",
                "Research Officer",
                "Knowledge Manager"),
            List.of(
                "Ministry of Health Library, {country}",
                "{country} Department of Education Library",
                "{city} City Council Information Service",
                "{country} Statistics Office Library"),
            List.of(
                "government-information",
                "reference-services",
                "research-support",
                "evaluation-impact")));
    SECTORS.put(
        LibrarySector.ARCHIVES_MUSEUMS,
        new SectorProfile(
            0.05,
            List.of(
                "Archivist",
                "Museum Librarian",
                "Conservator",
                "Collections Officer",
                "Digital Archivist",
                "Curator"),
            List.of(
                "{city} City Archives",
                "{country} National Museum",
                "{city} Museum of Science",
                "{city} Historical Society"),
            List.of(
                "archives-special-collections",
                "preservation-conservation",
                "digital-libraries",
                "indigenous-knowledge",
                "cataloguing-metadata")));
    SECTORS.put(
        LibrarySector.LIS_EDUCATION,
        new SectorProfile(
            0.09,
            List.of(
                "LIS Student",
                "Master's Student in Information Studies",
                "PhD Candidate",
                "Lecturer in Information Science",
                "Professor of Library Science"),
            List.of(
                "School of Information Studies, University of {city}",
                "{city} University, Department of Library Science",
                "{country} Library School"),
            List.of(
                "lis-education",
                "professional-development",
                "leadership-management",
                "library-technology")));
    SECTORS.put(
        LibrarySector.OTHER,
        new SectorProfile(
            0.03,
            List.of(
                "Library Consultant",
                "Vendor Trainer",
                "Freelance Indexer",
                "Project Officer",
                "Information Manager"),
            List.of(
                "{city} Library Consortium",
                "{country} Library Association",
                "{city} Book Foundation",
                "{country} Library Software Company"),
            List.of("professional-development", "advocacy", "leadership-management")));
  }

  private static final Weighted<LibrarySector> SECTOR_MIX =
      new Weighted<>(
          List.copyOf(SECTORS.keySet()),
          SECTORS.values().stream().mapToDouble(SectorProfile::share).toArray());

  /** Interest weights per sector: the sector's favourites count eight times, the rest once. */
  private static final Map<LibrarySector, double[]> INTEREST_WEIGHTS =
      new EnumMap<>(LibrarySector.class);

  static {
    SECTORS.forEach(
        (sector, profile) -> {
          double[] weights = new double[Interests.TAXONOMY.size()];
          for (int i = 0; i < weights.length; i++) {
            String id = Interests.TAXONOMY.get(i);
            weights[i] = profile.favouriteInterests().contains(id) ? 8 : 1;
          }
          INTEREST_WEIGHTS.put(sector, weights);
        });
  }

  /** How many interests people pick: most pick three or more. */
  private static final Weighted<Integer> INTEREST_COUNT =
      new Weighted<>(List.of(1, 2, 3, 4, 5), new double[] {0.07, 0.15, 0.33, 0.20, 0.25});

  private static final Weighted<SectorPreference> SECTOR_PREFERENCE =
      new Weighted<>(
          List.of(
              SectorPreference.NO_PREFERENCE, SectorPreference.SAME, SectorPreference.DIFFERENT),
          new double[] {0.75, 0.17, 0.08});

  /** Public library names in the country's own language, used half of the time. */
  private static final Map<String, String> LOCAL_PUBLIC_LIBRARY =
      Map.of(
          "es", "Biblioteca Pública de {city}",
          "pt", "Biblioteca Pública de {city}",
          "fr", "Bibliothèque municipale de {city}",
          "de", "Stadtbibliothek {city}",
          "it", "Biblioteca civica di {city}",
          "nl", "Openbare Bibliotheek {city}");

  private static final List<String> HOPES =
      List.of(
          "I hope to learn how libraries in other countries approach {interest}.",
          "I would like to build an international professional network.",
          "I am looking for fresh ideas about {interest} to bring back to my library.",
          "I want to share what we have learned about {interest} and hear about my partner's"
              + " experience.",
          "I am early in my career and would value a colleague's perspective from another"
              + " country.",
          "I'd like to compare how {sector} libraries work in different places.",
          "I want to understand the challenges librarians face outside {country}.",
          "I would be glad to collaborate on a small joint project.",
          "I hope to make a friend in the profession.",
          "I am preparing for a leadership role and want to learn from others.",
          "I want to practise explaining my work to someone from a different culture.");

  private static final Map<LibrarySector, String> SECTOR_WORDS = new EnumMap<>(LibrarySector.class);

  static {
    for (LibrarySector sector : LibrarySector.values()) {
      SECTOR_WORDS.put(sector, sector.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
  }

  private static final String RETURNING_HOPE =
      "My last partnership was so rewarding that I signed up again.";

  static final double AVOID_SHARE = 0.03;
  static final double RETURNING_SHARE = 0.15;

  private final Weighted<Country> avoidable;

  ApplicantFactory(Weighted<Country> avoidable) {
    this.avoidable = avoidable;
  }

  SyntheticApplicant make(int index, Country country, SplittableRandom random) {
    NameRegion region = country.names().pick(random);
    Name given = pick(region.given(), random);
    Name family = pick(region.family(), random);
    String fullName =
        region.familyFirst()
            ? family.text() + " " + given.text()
            : given.text() + " " + family.text();
    String email =
        given.slug()
            + "."
            + family.slug()
            + "."
            + (index + 1)
            + (random.nextInt(5) == 0 ? "@example.net" : "@example.org");

    Tables.City city = country.cities().pick(random);
    LibrarySector sector = SECTOR_MIX.pick(random);
    SectorProfile profile = SECTORS.get(sector);
    String nativeLanguage = country.nativeLanguages().pick(random);
    List<LanguageSkill> languages = languages(country, nativeLanguage, random);
    List<String> interests = interests(sector, random);
    boolean returning = random.nextDouble() < RETURNING_SHARE;

    return new SyntheticApplicant(
        fullName,
        email,
        country.code(),
        city.name(),
        organisation(profile, sector, nativeLanguage, country, city, random),
        sector,
        pick(profile.roles(), random),
        years(sector, random),
        languages,
        interests,
        hopes(interests, sector, country, returning, random),
        city.zone(),
        new PartnerPreferences(SECTOR_PREFERENCE.pick(random), avoid(country, random)),
        returning,
        locale(nativeLanguage, random));
  }

  /**
   * The first language always serves for correspondence; English does with the country's
   * probability, and some list it without wanting to write in it. Others are spoken at the
   * country's rates and offered for correspondence half of the time.
   */
  private static List<LanguageSkill> languages(
      Country country, String nativeLanguage, SplittableRandom random) {
    Map<String, Boolean> languages = new LinkedHashMap<>();
    languages.put(nativeLanguage, true);
    if (!nativeLanguage.equals("en")) {
      if (random.nextDouble() < country.english()) {
        languages.put("en", true);
      } else if (random.nextDouble() < 0.3) {
        languages.put("en", false);
      }
    }
    for (OtherLanguage other : country.otherLanguages()) {
      if (!languages.containsKey(other.code()) && random.nextDouble() < other.probability()) {
        languages.put(other.code(), random.nextBoolean());
      }
    }
    List<LanguageSkill> skills = new ArrayList<>(languages.size());
    languages.forEach(
        (code, correspondence) -> skills.add(new LanguageSkill(code, correspondence)));
    return skills;
  }

  /** 1-5 distinct interests, drawn without replacement with the sector's favourites weighted up. */
  private static List<String> interests(LibrarySector sector, SplittableRandom random) {
    double[] weights = INTEREST_WEIGHTS.get(sector).clone();
    double total = 0;
    for (double weight : weights) {
      total += weight;
    }
    int count = INTEREST_COUNT.pick(random);
    List<String> interests = new ArrayList<>(count);
    for (int n = 0; n < count; n++) {
      double target = random.nextDouble() * total;
      int i = 0;
      while (i < weights.length - 1 && (target -= weights[i]) >= 0) {
        i++;
      }
      while (weights[i] == 0) { // rounding landed on a taken interest: take the next free one
        i = (i + 1) % weights.length;
      }
      interests.add(Interests.TAXONOMY.get(i));
      total -= weights[i];
      weights[i] = 0;
    }
    return interests;
  }

  /** Skewed young: a median of about five years, a long tail to forty; students mostly new. */
  private static int years(LibrarySector sector, SplittableRandom random) {
    if (sector == LibrarySector.LIS_EDUCATION && random.nextDouble() < 0.65) {
      return random.nextInt(4);
    }
    return (int) Math.min(40, -Math.log(1 - random.nextDouble()) * 8);
  }

  private static String organisation(
      SectorProfile profile,
      LibrarySector sector,
      String nativeLanguage,
      Country country,
      Tables.City city,
      SplittableRandom random) {
    String template = pick(profile.organisations(), random);
    String local = LOCAL_PUBLIC_LIBRARY.get(nativeLanguage);
    if (sector == LibrarySector.PUBLIC && local != null && random.nextBoolean()) {
      template = local;
    }
    return template.replace("{city}", city.name()).replace("{country}", country.name());
  }

  private static String hopes(
      List<String> interests,
      LibrarySector sector,
      Country country,
      boolean returning,
      SplittableRandom random) {
    if (random.nextDouble() < 0.1) {
      return "";
    }
    int first = random.nextInt(HOPES.size());
    int count = 1 + random.nextInt(3);
    StringBuilder hopes = new StringBuilder(returning ? RETURNING_HOPE : "");
    for (int n = 0; n < count; n++) {
      if (!hopes.isEmpty()) {
        hopes.append(' ');
      }
      String sentence = HOPES.get((first + n * 4) % HOPES.size());
      if (sentence.indexOf('{') >= 0) {
        sentence =
            sentence
                .replace("{interest}", Interests.label(interests.get(0)))
                .replace("{sector}", SECTOR_WORDS.get(sector))
                .replace("{country}", country.name());
      }
      hopes.append(sentence);
    }
    return hopes.toString();
  }

  /** About 3% name countries to avoid, mostly one, drawn by size: big countries most often. */
  private List<String> avoid(Country own, SplittableRandom random) {
    if (random.nextDouble() >= AVOID_SHARE) {
      return List.of();
    }
    int count = random.nextDouble() < 0.8 ? 1 : 2 + random.nextInt(2);
    List<String> avoid = new ArrayList<>(count);
    while (avoid.size() < count) {
      String code = avoidable.pick(random).code();
      if (!code.equals(own.code()) && !avoid.contains(code)) {
        avoid.add(code);
      }
    }
    return avoid;
  }

  /** Mail and portal in Spanish or French for most whose first language it is, else English. */
  private static String locale(String nativeLanguage, SplittableRandom random) {
    if ((nativeLanguage.equals("es") || nativeLanguage.equals("fr")) && random.nextDouble() < 0.7) {
      return nativeLanguage;
    }
    return "en";
  }

  private static <T> T pick(List<T> items, SplittableRandom random) {
    return items.get(random.nextInt(items.size()));
  }
}
