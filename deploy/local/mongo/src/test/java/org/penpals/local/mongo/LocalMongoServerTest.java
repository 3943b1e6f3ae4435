package org.penpals.local.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalMongoServerTest {

  @TempDir Path dataDir;

  @Test
  void shouldKeepDocumentsAndUniqueIndexesAcrossARestartOnTheSameFile() {
    // given a server on a file holding one cycle with a unique index on its name
    Path dataFile = dataDir.resolve("penpals.mv");
    withCycles(
        dataFile,
        cycles -> {
          cycles.createIndex(Indexes.ascending("name"), new IndexOptions().unique(true));
          cycles.insertOne(new Document("_id", "c-1").append("name", "Spring 2026"));
        });

    // when the server is stopped and started again on the same file
    List<Document> found = new ArrayList<>();
    withCycles(
        dataFile,
        cycles -> {
          cycles.find().into(found);

          // then the unique index is still enforced
          assertThatThrownBy(
                  () -> cycles.insertOne(new Document("_id", "c-2").append("name", "Spring 2026")))
              .isInstanceOfSatisfying(
                  MongoWriteException.class,
                  e ->
                      assertThat(ErrorCategory.fromErrorCode(e.getCode()))
                          .isEqualTo(ErrorCategory.DUPLICATE_KEY));
        });

    // then the document is still there
    assertThat(found)
        .singleElement()
        .satisfies(d -> assertThat(d.get("name")).isEqualTo("Spring 2026"));
  }

  @Test
  void shouldKeepNothingAndWriteNoFileWithTheMemoryStore() {
    // given a memory-store server holding one cycle
    Path dataFile = dataDir.resolve("penpals.mv");
    try (LocalMongoServer server =
            LocalMongoServer.start("127.0.0.1", 0, dataFile, LocalMongoServer.Store.MEMORY);
        MongoClient client = MongoClients.create(server.connectionString())) {
      MongoCollection<Document> cycles =
          client.getDatabase("penpals-registration").getCollection("cycles");
      cycles.insertOne(new Document("_id", "c-1").append("name", "Spring 2026"));
      assertThat(cycles.countDocuments()).isEqualTo(1);
    }

    // then no file was written, and a restart on the same name starts empty
    assertThat(dataFile).doesNotExist();
    withCycles(dataFile, cycles -> assertThat(cycles.countDocuments()).isZero());
  }

  @Test
  void shouldParseTheStoreAndRejectAnUnknownOne() {
    assertThat(
            LocalMongoServer.Options.parse(new String[] {"--data", "x.mv", "--store", "memory"})
                .store())
        .isEqualTo(LocalMongoServer.Store.MEMORY);
    assertThatThrownBy(
            () -> LocalMongoServer.Options.parse(new String[] {"--data", "x.mv", "--store", "ram"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--store");
  }

  @Test
  void shouldRejectAnUnknownOption() {
    assertThatThrownBy(() -> LocalMongoServer.Options.parse(new String[] {"--bogus", "1"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--bogus");
  }

  @Test
  void shouldDefaultToLoopbackAndThePortOfMongoDb() {
    LocalMongoServer.Options options =
        LocalMongoServer.Options.parse(new String[] {"--data", "x.mv"});

    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThat(options.port()).isEqualTo(27017);
    assertThat(options.store()).isEqualTo(LocalMongoServer.Store.DISK);
  }

  private static void withCycles(Path dataFile, Consumer<MongoCollection<Document>> action) {
    try (LocalMongoServer server = LocalMongoServer.start("127.0.0.1", 0, dataFile);
        MongoClient client = MongoClients.create(server.connectionString())) {
      action.accept(client.getDatabase("penpals-registration").getCollection("cycles"));
    }
  }
}
