package org.penpals.registration.participant.adapter.out.mongo;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Filters.or;
import static com.mongodb.client.model.Filters.regex;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.outbox.Outbox;
import org.penpals.registration.cycle.application.ApplicantCounts;
import org.penpals.registration.participant.application.ApplicantQuery;
import org.penpals.registration.participant.application.ParticipantRepository;
import org.penpals.registration.participant.domain.Admission;
import org.penpals.registration.participant.domain.Consent;
import org.penpals.registration.participant.domain.Language;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.ParticipantEvent;
import org.penpals.registration.participant.domain.ParticipantStatus;
import org.penpals.registration.participant.domain.Profile;
import org.penpals.registration.participant.domain.Sector;
import org.penpals.registration.participant.domain.SectorPreference;
import org.penpals.registration.participant.domain.Verification;

/**
 * Applications in MongoDB, one document per participant, with the events each change owes in the
 * same document (outbox). Country and sector are kept top-level so anonymous figures survive
 * erasure; everything personal lives under {@code profile}, {@code consent}, {@code personKey} and
 * {@code emailKey}, which erasure removes.
 */
public class MongoParticipantRepository implements ParticipantRepository, ApplicantCounts {
  public static final String COLLECTION = "participants";

  /**
   * One document per (cycle, email), keyed by both: it is what makes an application unique per
   * email and cycle, and it finds an application by email with a lookup by {@code _id} — the only
   * kind of lookup the embedded MongoDB-wire server serves from an index (ADR 0004).
   */
  public static final String CLAIMS = "email_claims";

  private static final java.time.Duration ORPHAN_AFTER = java.time.Duration.ofMinutes(1);

  /**
   * Pending verifications keyed by the token's hash, as they were written until 2026-11-30: the
   * link of a token without a participant id finds its application here. Nothing new is written (a
   * token now names its participant); once the last such token has expired (72 h), this collection
   * and {@link #findByVerificationHash} can go.
   */
  public static final String VERIFICATIONS = "verifications";

  private final MongoCollection<Document> participants;
  private final MongoCollection<Document> claims;
  private final MongoCollection<Document> verifications;
  private final Outbox outbox;
  private final java.time.Clock clock;

  public MongoParticipantRepository(MongoDatabase database, Outbox outbox, java.time.Clock clock) {
    this.participants = database.getCollection(COLLECTION);
    this.claims = database.getCollection(CLAIMS);
    this.verifications = database.getCollection(VERIFICATIONS);
    this.outbox = outbox;
    this.clock = clock;
  }

  public static List<IndexSpec> indexes() {
    return List.of(
        new IndexSpec(
            COLLECTION,
            Indexes.ascending("cycleId", "registeredAt"),
            new IndexOptions().name("by_cycle_and_time")),
        new IndexSpec(
            COLLECTION, Indexes.ascending("cycleId"), new IndexOptions().name("by_cycle")));
  }

  @Override
  public void insert(Participant.Changed registered) {
    Participant p = registered.participant();
    Profile profile = p.profile();
    if (profile == null) {
      throw new IllegalArgumentException("a new application has a profile");
    }
    String claim = claimId(p.cycleId(), profile.email());
    claim(claim, p.id());
    Document doc = new Document("_id", p.id()).append("cycleId", p.cycleId());
    doc.putAll(fields(p));
    outbox.attach(doc, IntegrationEvents.of(registered.events()));
    try {
      participants.insertOne(doc);
    } catch (RuntimeException e) {
      claims.deleteOne(and(eq("_id", claim), eq("participantId", p.id())));
      if (isDuplicate(e)) {
        throw new DuplicateApplication();
      }
      throw e;
    }
    outbox.inserted(COLLECTION, doc);
  }

  /**
   * Takes the email for this cycle. A claim whose application never got written (a crash between
   * the two inserts) is taken over once it is old enough.
   */
  private void claim(String claim, String participantId) {
    Document mine =
        new Document("_id", claim)
            .append("participantId", participantId)
            .append("at", Date.from(clock.instant()));
    try {
      claims.insertOne(mine);
      return;
    } catch (MongoWriteException e) {
      if (!isDuplicate(e)) {
        throw e;
      }
    }
    Document existing = claims.find(eq("_id", claim)).first();
    if (existing == null) {
      throw new DuplicateApplication(); // released meanwhile: let the caller try again
    }
    String holder = existing.getString("participantId");
    boolean orphan =
        participants.find(eq("_id", holder)).first() == null
            && existing.getDate("at").toInstant().isBefore(clock.instant().minus(ORPHAN_AFTER));
    if (!orphan
        || claims
                .replaceOne(and(eq("_id", claim), eq("participantId", holder)), mine)
                .getModifiedCount()
            != 1) {
      throw new DuplicateApplication();
    }
  }

  private static boolean isDuplicate(RuntimeException e) {
    return e instanceof MongoWriteException w
        && w.getError().getCategory() == ErrorCategory.DUPLICATE_KEY;
  }

  static String claimId(String cycleId, String email) {
    return cycleId + "|" + email;
  }

  @Override
  public boolean update(Participant.Changed changed, long expectedRevision) {
    Participant p = changed.participant();
    List<Bson> updates = new ArrayList<>();
    fields(p)
        .forEach(
            (name, value) ->
                updates.add(value == null ? Updates.unset(name) : Updates.set(name, value)));
    List<Object> events = IntegrationEvents.of(changed.events());
    boolean erasure = changed.events().stream().anyMatch(e -> e instanceof ParticipantEvent.Erased);
    Document before =
        erasure
            ? participants
                .find(eq("_id", p.id()))
                .projection(Projections.include("emailKey", "cycleId"))
                .first()
            : null;
    updates.add(erasure ? outbox.replace(events) : outbox.append(events));
    boolean updated =
        participants
                .updateOne(
                    and(eq("_id", p.id()), eq("revision", expectedRevision)),
                    Updates.combine(updates))
                .getMatchedCount()
            == 1;
    if (updated) {
      outbox.written(COLLECTION, p.id());
      if (before != null && before.getString("emailKey") != null) {
        // the email is free to apply again
        claims.deleteOne(
            and(
                eq("_id", claimId(p.cycleId(), before.getString("emailKey"))),
                eq("participantId", p.id())));
      }
    }
    return updated;
  }

  @Override
  public Optional<Participant> find(String id) {
    return Optional.ofNullable(participants.find(eq("_id", id)).first())
        .map(MongoParticipantRepository::participant);
  }

  @Override
  public Optional<Participant> findByEmail(String cycleId, String email) {
    Document claim = claims.find(eq("_id", claimId(cycleId, email))).first();
    return claim == null ? Optional.empty() : find(claim.getString("participantId"));
  }

  @Override
  public Optional<Participant> findByVerificationHash(String tokenHash) {
    Document pending = verifications.find(eq("_id", tokenHash)).first();
    if (pending == null) {
      return Optional.empty();
    }
    Optional<Participant> participant =
        find(pending.getString("participantId"))
            .filter(
                p -> p.verification() != null && p.verification().tokenHash().equals(tokenHash));
    if (participant.isEmpty()) {
      verifications.deleteOne(eq("_id", tokenHash)); // used, renewed or erased: forget it
    }
    return participant;
  }

  @Override
  public List<Participant> waitlisted(String cycleId) {
    return participants
        .find(
            and(
                eq("cycleId", cycleId),
                eq("admission", Admission.WAITLISTED.name()),
                in(
                    "status",
                    ParticipantStatus.PENDING_VERIFICATION.name(),
                    ParticipantStatus.VERIFIED.name())))
        .sort(Sorts.ascending("registeredAt", "_id"))
        .batchSize(1000)
        .map(MongoParticipantRepository::participant)
        .into(new ArrayList<>());
  }

  @Override
  public ApplicantPage search(ApplicantQuery query) {
    Bson filter = filter(query);
    List<Participant> items =
        participants
            .find(filter)
            .sort(Sorts.ascending("registeredAt", "_id"))
            .skip(query.page() * query.size())
            .limit(query.size())
            .map(MongoParticipantRepository::participant)
            .into(new ArrayList<>());
    return new ApplicantPage(
        items, query.page(), query.size(), participants.countDocuments(filter));
  }

  @Override
  public void forEach(ApplicantQuery query, Consumer<Participant> action) {
    participants
        .find(filter(query))
        .sort(Sorts.ascending("registeredAt", "_id"))
        .batchSize(500)
        .forEach(doc -> action.accept(participant(doc)));
  }

  @Override
  public ApplicantStatistics statistics(String cycleId) {
    Map<String, Long> byStatus = new TreeMap<>();
    Map<String, Long> byAdmission = new TreeMap<>();
    Map<String, Long> byCountry = new TreeMap<>();
    Map<String, Long> bySector = new TreeMap<>();
    Map<String, Long> byLanguage = new TreeMap<>();
    Map<String, Long> byDay = new TreeMap<>();
    long[] total = {0};
    participants
        .find(eq("cycleId", cycleId))
        .projection(
            Projections.include(
                "status", "admission", "country", "sector", "profile.languages", "registeredAt"))
        .batchSize(1000)
        .forEach(
            doc -> {
              total[0]++;
              byStatus.merge(doc.getString("status"), 1L, Long::sum);
              byAdmission.merge(doc.getString("admission"), 1L, Long::sum);
              byCountry.merge(doc.getString("country"), 1L, Long::sum);
              bySector.merge(doc.getString("sector"), 1L, Long::sum);
              Document profile = doc.get("profile", Document.class);
              if (profile != null) {
                for (Document language : profile.getList("languages", Document.class, List.of())) {
                  byLanguage.merge(language.getString("code"), 1L, Long::sum);
                }
              }
              byDay.merge(
                  doc.getDate("registeredAt")
                      .toInstant()
                      .atZone(ZoneOffset.UTC)
                      .toLocalDate()
                      .toString(),
                  1L,
                  Long::sum);
            });
    return new ApplicantStatistics(
        total[0], byStatus, byAdmission, byCountry, bySector, byLanguage, byDay);
  }

  @Override
  public long countWaitlisted(String cycleId) {
    return participants.countDocuments(
        and(
            eq("cycleId", cycleId),
            in(
                "status",
                ParticipantStatus.PENDING_VERIFICATION.name(),
                ParticipantStatus.VERIFIED.name()),
            eq("admission", Admission.WAITLISTED.name())));
  }

  @Override
  public Counts count(String cycleId) {
    List<String> active =
        List.of(ParticipantStatus.PENDING_VERIFICATION.name(), ParticipantStatus.VERIFIED.name());
    long admitted =
        participants.countDocuments(
            and(
                eq("cycleId", cycleId),
                in("status", active),
                eq("admission", Admission.ADMITTED.name())));
    long waitlisted =
        participants.countDocuments(
            and(
                eq("cycleId", cycleId),
                in("status", active),
                eq("admission", Admission.WAITLISTED.name())));
    return new Counts(admitted, waitlisted);
  }

  // ------------------------------------------------------------------ mapping

  private static Bson filter(ApplicantQuery q) {
    List<Bson> filters = new ArrayList<>();
    filters.add(eq("cycleId", q.cycleId()));
    if (q.country() != null) {
      filters.add(eq("country", q.country()));
    }
    if (q.sector() != null) {
      filters.add(eq("sector", q.sector().name()));
    }
    if (q.language() != null) {
      filters.add(eq("profile.languages.code", q.language()));
    }
    if (q.status() != null) {
      filters.add(eq("status", q.status().name()));
    }
    if (q.admission() != null) {
      filters.add(eq("admission", q.admission().name()));
    }
    if (q.text() != null) {
      Pattern text = Pattern.compile(Pattern.quote(q.text()), Pattern.CASE_INSENSITIVE);
      filters.add(
          or(
              regex("profile.fullName", text),
              regex("profile.email", text),
              regex("profile.organisation", text)));
    }
    return and(filters);
  }

  /** Every mutable field; null means "remove". */
  private static Map<String, @Nullable Object> fields(Participant p) {
    Map<String, @Nullable Object> f = new java.util.LinkedHashMap<>();
    Profile profile = p.profile();
    f.put("emailKey", profile == null ? "erased:" + p.id() : profile.email());
    f.put("personKey", p.personKey());
    f.put("status", p.status().name());
    f.put("admission", p.admission().name());
    f.put("admissionReason", p.admissionReason() == null ? null : p.admissionReason().name());
    f.put("admittedAt", date(p.admittedAt()));
    f.put("admissionRoute", p.admissionRoute() == null ? null : p.admissionRoute().name());
    f.put("revision", p.revision());
    f.put("registeredAt", Date.from(p.registeredAt()));
    f.put("verifiedAt", date(p.verifiedAt()));
    f.put("withdrawnAt", date(p.withdrawnAt()));
    f.put("withdrawalReason", p.withdrawalReason());
    f.put("erasedAt", date(p.erasedAt()));
    f.put("importId", p.importId());
    if (profile != null) {
      f.put("country", profile.countryCode());
      f.put("sector", profile.sector().name());
    }
    f.put("profile", profile == null ? null : profile(profile));
    Consent consent = p.consent();
    f.put(
        "consent",
        consent == null
            ? null
            : new Document("privacyNotice", consent.privacyNotice())
                .append("shareContactWithPartner", consent.shareContactWithPartner())
                .append("givenAt", Date.from(consent.givenAt())));
    Verification verification = p.verification();
    f.put(
        "verification",
        verification == null
            ? null
            : new Document("tokenHash", verification.tokenHash())
                .append("expiresAt", Date.from(verification.expiresAt())));
    return f;
  }

  private static @Nullable Date date(java.time.@Nullable Instant instant) {
    return instant == null ? null : Date.from(instant);
  }

  private static Document profile(Profile p) {
    return new Document("fullName", p.fullName())
        .append("email", p.email())
        .append("countryCode", p.countryCode())
        .append("city", p.city())
        .append("organisation", p.organisation())
        .append("sector", p.sector().name())
        .append("role", p.role())
        .append("yearsInProfession", p.yearsInProfession())
        .append(
            "languages",
            p.languages().stream()
                .map(
                    l ->
                        new Document("code", l.code()).append("correspondence", l.correspondence()))
                .toList())
        .append("interests", p.interests())
        .append("hopes", p.hopes())
        .append("timeZone", p.timeZone())
        .append("sectorPreference", p.sectorPreference().name())
        .append("avoidCountries", p.avoidCountries())
        .append("returning", p.returning())
        .append("locale", p.locale());
  }

  static Participant participant(Document doc) {
    Document profile = doc.get("profile", Document.class);
    Document consent = doc.get("consent", Document.class);
    Document verification = doc.get("verification", Document.class);
    String reason = doc.getString("admissionReason");
    String route = doc.getString("admissionRoute");
    return new Participant(
        doc.getString("_id"),
        doc.getString("cycleId"),
        doc.getString("personKey"),
        profile == null ? null : profile(profile),
        consent == null
            ? null
            : new Consent(
                consent.getBoolean("privacyNotice"),
                consent.getBoolean("shareContactWithPartner"),
                consent.getDate("givenAt").toInstant()),
        ParticipantStatus.valueOf(doc.getString("status")),
        Admission.valueOf(doc.getString("admission")),
        reason == null ? null : Admission.Reason.valueOf(reason),
        instant(doc, "admittedAt"),
        route == null ? null : Admission.Route.valueOf(route),
        ((Number) doc.get("revision")).longValue(),
        doc.getDate("registeredAt").toInstant(),
        verification == null
            ? null
            : new Verification(
                verification.getString("tokenHash"), verification.getDate("expiresAt").toInstant()),
        instant(doc, "verifiedAt"),
        instant(doc, "withdrawnAt"),
        doc.getString("withdrawalReason"),
        instant(doc, "erasedAt"),
        doc.getString("importId"));
  }

  private static java.time.@Nullable Instant instant(Document doc, String field) {
    Date date = doc.getDate(field);
    return date == null ? null : date.toInstant();
  }

  private static Profile profile(Document p) {
    return new Profile(
        p.getString("fullName"),
        p.getString("email"),
        p.getString("countryCode"),
        p.getString("city"),
        p.getString("organisation"),
        Sector.valueOf(p.getString("sector")),
        p.getString("role"),
        p.getInteger("yearsInProfession"),
        p.getList("languages", Document.class).stream()
            .map(l -> new Language(l.getString("code"), l.getBoolean("correspondence")))
            .toList(),
        p.getList("interests", String.class),
        p.getString("hopes"),
        p.getString("timeZone"),
        SectorPreference.valueOf(p.getString("sectorPreference")),
        p.getList("avoidCountries", String.class),
        p.getBoolean("returning"),
        p.getString("locale"));
  }
}
