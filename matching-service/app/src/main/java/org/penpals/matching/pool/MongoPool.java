package org.penpals.matching.pool;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.penpals.contracts.registration.Admission;
import org.penpals.contracts.registration.CycleStatus;
import org.penpals.platform.outbox.Outbox;

/** The pool in MongoDB: {@code pool} (a document per participant) and {@code pool_cycles}. */
public class MongoPool implements Pool {
  public static final String MEMBERS = "pool";
  public static final String CYCLES = "pool_cycles";

  private final MongoCollection<Document> members;
  private final MongoCollection<Document> cycles;
  private final Outbox outbox;

  public MongoPool(MongoDatabase database, Outbox outbox) {
    this.members = database.getCollection(MEMBERS);
    this.cycles = database.getCollection(CYCLES);
    this.outbox = outbox;
  }

  @Override
  public Optional<PoolMember> member(String participantId) {
    return Optional.ofNullable(members.find(eq("_id", participantId)).first())
        .map(MongoPool::member);
  }

  @Override
  public void save(PoolMember m) {
    List<Bson> sets = new ArrayList<>();
    sets.add(Updates.set("cycleId", m.cycleId()));
    sets.add(Updates.set("revision", m.revision()));
    sets.add(Updates.set("personKey", m.personKey()));
    sets.add(Updates.set("fullName", m.fullName()));
    sets.add(Updates.set("organisation", m.organisation()));
    sets.add(Updates.set("country", m.country()));
    sets.add(Updates.set("sector", m.sector()));
    sets.add(Updates.set("sectorPreference", m.sectorPreference()));
    sets.add(Updates.set("yearsInProfession", m.yearsInProfession()));
    sets.add(Updates.set("correspondenceLanguages", m.correspondenceLanguages()));
    sets.add(Updates.set("otherLanguages", m.otherLanguages()));
    sets.add(Updates.set("interests", m.interests()));
    sets.add(Updates.set("avoidCountries", m.avoidCountries()));
    sets.add(Updates.set("timeZone", m.timeZone()));
    sets.add(Updates.set("locale", m.locale()));
    sets.add(Updates.set("status", m.status()));
    sets.add(Updates.set("admission", m.admission().name()));
    sets.add(Updates.set("registeredAt", Date.from(m.registeredAt())));
    sets.add(Updates.setOnInsert("placement", m.placement().name()));
    members.updateOne(
        eq("_id", m.participantId()), Updates.combine(sets), new UpdateOptions().upsert(true));
  }

  @Override
  public void place(String participantId, Placement placement, List<?> events) {
    Bson set = Updates.set("placement", placement.name());
    if (events.isEmpty()) {
      members.updateOne(eq("_id", participantId), set);
      return;
    }
    boolean placed =
        members
                .updateOne(
                    new Document("_id", participantId)
                        .append("placement", new Document("$ne", placement.name())),
                    Updates.combine(set, outbox.append(events)))
                .getModifiedCount()
            == 1;
    if (placed) {
      outbox.written(MEMBERS, participantId);
    }
  }

  @Override
  public List<PoolMember> members(String cycleId) {
    return members.find(eq("cycleId", cycleId)).map(MongoPool::member).into(new ArrayList<>());
  }

  @Override
  public Optional<PoolCycle> cycle(String cycleId) {
    return Optional.ofNullable(cycles.find(eq("_id", cycleId)).first())
        .map(
            d ->
                new PoolCycle(
                    d.getString("_id"),
                    d.getString("name"),
                    CycleStatus.valueOf(d.getString("status")),
                    LocalDate.parse(d.getString("partnershipStartsOn")),
                    d.getDate("completedAt") == null
                        ? null
                        : d.getDate("completedAt").toInstant()));
  }

  @Override
  public void save(PoolCycle cycle) {
    cycles.updateOne(
        eq("_id", cycle.cycleId()),
        Updates.combine(
            Updates.set("name", cycle.name()),
            Updates.set("status", cycle.status().name()),
            Updates.set("partnershipStartsOn", cycle.partnershipStartsOn().toString()),
            cycle.completedAt() == null
                ? Updates.unset("completedAt")
                : Updates.set("completedAt", Date.from(cycle.completedAt()))),
        new UpdateOptions().upsert(true));
  }

  @Override
  public void erase(String participantId) {
    members.updateOne(
        eq("_id", participantId),
        Updates.combine(
            Updates.set("status", "ERASED"),
            Updates.unset("personKey"),
            Updates.unset("fullName"),
            Updates.unset("organisation"),
            Updates.set("interests", List.of()),
            Updates.set("avoidCountries", List.of()),
            Updates.set("correspondenceLanguages", List.of()),
            Updates.set("otherLanguages", List.of())));
  }

  static PoolMember member(Document d) {
    return new PoolMember(
        d.getString("_id"),
        d.getString("cycleId"),
        ((Number) d.get("revision")).longValue(),
        d.getString("personKey"),
        d.getString("fullName"),
        d.getString("organisation"),
        d.getString("country"),
        d.getString("sector"),
        d.getString("sectorPreference"),
        d.getInteger("yearsInProfession", 0),
        d.getList("correspondenceLanguages", String.class, List.of()),
        d.getList("otherLanguages", String.class, List.of()),
        d.getList("interests", String.class, List.of()),
        d.getList("avoidCountries", String.class, List.of()),
        d.getString("timeZone"),
        d.getString("locale"),
        d.getString("status"),
        Admission.valueOf(d.getString("admission")),
        d.getString("placement") == null
            ? Placement.UNPLACED
            : Placement.valueOf(d.getString("placement")),
        d.getDate("registeredAt").toInstant());
  }
}
