package org.penpals.prompt.library;

import static com.mongodb.client.model.Filters.eq;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.InsertManyOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.penpals.platform.domain.StateConflict;

/**
 * The prompt library in MongoDB ({@code library}, one document per prompt, {@code _id} = prompt
 * id). Small: read whole, ordered by kind and position.
 */
public class PromptLibrary {
  public static final String COLLECTION = "library";

  /** Library order: topics by position first, then the touchpoints. */
  public static final Comparator<LibraryPrompt> ORDER =
      Comparator.comparing(LibraryPrompt::kind)
          .thenComparingInt(LibraryPrompt::position)
          .thenComparing(LibraryPrompt::id);

  private final MongoCollection<Document> library;
  private final Clock clock;

  public PromptLibrary(MongoDatabase database, Clock clock) {
    this.library = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  public List<LibraryPrompt> all() {
    List<LibraryPrompt> all = new ArrayList<>();
    for (Document d : library.find()) {
      all.add(prompt(d));
    }
    all.sort(ORDER);
    return all;
  }

  public Optional<LibraryPrompt> find(String id) {
    return Optional.ofNullable(library.find(eq("_id", id)).first()).map(PromptLibrary::prompt);
  }

  /** Adds a prompt; 409 if the id is taken. */
  public void insert(LibraryPrompt prompt) {
    try {
      library.insertOne(document(prompt).append("createdAt", Date.from(clock.instant())));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        throw new StateConflict("a prompt with this id exists", "id");
      }
      throw e;
    }
  }

  /** Replaces a prompt's text; false if it does not exist. */
  public boolean update(LibraryPrompt prompt) {
    Document doc = document(prompt);
    doc.remove("_id");
    return library.updateOne(eq("_id", prompt.id()), new Document("$set", doc)).getMatchedCount()
        == 1;
  }

  /**
   * Adds the default programme's prompts that are missing; never overwrites a prompt (see {@link
   * #refresh} for prompts that hold an earlier default text). Idempotent and safe with several
   * instances starting at once. Returns how many were added.
   */
  public int seed(List<LibraryPrompt> defaults) {
    if (defaults.isEmpty()) {
      return 0;
    }
    Date now = Date.from(clock.instant());
    List<Document> docs =
        defaults.stream()
            .map(p -> document(p).append("createdAt", now).append("seeded", true))
            .toList();
    try {
      return library
          .insertMany(docs, new InsertManyOptions().ordered(false))
          .getInsertedIds()
          .size();
    } catch (MongoBulkWriteException e) {
      boolean onlyDuplicates =
          e.getWriteErrors().stream()
              .allMatch(
                  w -> ErrorCategory.fromErrorCode(w.getCode()) == ErrorCategory.DUPLICATE_KEY);
      if (!onlyDuplicates) {
        throw e;
      }
      return docs.size() - e.getWriteErrors().size();
    }
  }

  /**
   * Gives each library prompt that still holds a default text of an earlier version (staff never
   * edited it) the current default text; a prompt staff edited is left alone. Idempotent, and a
   * staff edit racing it wins (the write is conditional on the prompt being unchanged since read).
   * Returns how many prompts got the current text.
   */
  public int refresh(List<LibraryPrompt> defaults, Map<String, List<LibraryPrompt>> earlier) {
    Map<String, Document> stored = new LinkedHashMap<>();
    library
        .find(Filters.in("_id", defaults.stream().map(LibraryPrompt::id).toList()))
        .forEach(d -> stored.put(d.getString("_id"), d));
    int refreshed = 0;
    for (LibraryPrompt current : defaults) {
      Document doc = stored.get(current.id());
      if (doc == null) {
        continue;
      }
      LibraryPrompt held = prompt(doc);
      boolean untouched =
          earlier.getOrDefault(current.id(), List.of()).stream()
              .anyMatch(old -> sameText(old, held));
      if (sameText(held, current) || !untouched) {
        continue;
      }
      Document set =
          new Document("title", current.title())
              .append("body", current.body())
              .append("theme", current.theme())
              .append("translations", translationsDocument(current.translations()))
              .append("updatedAt", Date.from(clock.instant()));
      if (library
              .updateOne(
                  new Document("_id", current.id()).append("updatedAt", doc.get("updatedAt")),
                  new Document("$set", set))
              .getModifiedCount()
          == 1) {
        refreshed++;
      }
    }
    return refreshed;
  }

  /** Whether two prompts say the same (kind, title, body, theme and translations). */
  static boolean sameText(LibraryPrompt a, LibraryPrompt b) {
    return a.kind() == b.kind()
        && a.title().equals(b.title())
        && a.body().equals(b.body())
        && a.theme().equals(b.theme())
        && a.translations().equals(b.translations());
  }

  private Document document(LibraryPrompt p) {
    Document translations = new Document();
    p.translations()
        .forEach(
            (code, t) ->
                translations.append(
                    code, new Document("title", t.title()).append("body", t.body())));
    return new Document("_id", p.id())
        .append("kind", p.kind().name())
        .append("title", p.title())
        .append("body", p.body())
        .append("theme", p.theme())
        .append("translations", translations)
        .append("position", p.position())
        .append("updatedAt", Date.from(clock.instant()));
  }

  static LibraryPrompt prompt(Document d) {
    return new LibraryPrompt(
        d.getString("_id"),
        PromptKind.valueOf(d.getString("kind")),
        d.getString("title"),
        d.getString("body"),
        d.getString("theme"),
        translations(d.get("translations", Document.class)),
        d.getInteger("position", 1));
  }

  /** Translations as stored ({@code {es: {title, body}}}). */
  public static Map<String, Translation> translations(Document doc) {
    Map<String, Translation> translations = new LinkedHashMap<>();
    if (doc != null) {
      doc.forEach(
          (code, value) -> {
            Document t = (Document) value;
            translations.put(code, new Translation(t.getString("title"), t.getString("body")));
          });
    }
    return translations;
  }

  /** Translations as stored. */
  public static Document translationsDocument(Map<String, Translation> translations) {
    Document doc = new Document();
    translations.forEach(
        (code, t) -> doc.append(code, new Document("title", t.title()).append("body", t.body())));
    return doc;
  }
}
