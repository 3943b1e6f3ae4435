package org.penpals.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The committed JSON Schemas are the contract. These tests fail when a record changes without its
 * schema (regenerate with {@code ./mvnw -pl contracts test -Dcontracts.writeSchemas=true} and
 * review the diff), when a sample event does not validate against its schema, or when an event type
 * is missing from docs/events.md.
 */
class EventSchemasTest {
  private static final Path SCHEMAS = Path.of("src/main/resources/schemas");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          .build();
  private static final SchemaRegistry SCHEMA_REGISTRY =
      SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

  @Test
  void shouldHaveACommittedSchemaMatchingEveryEventRecord() throws IOException {
    boolean write = Boolean.getBoolean("contracts.writeSchemas");
    for (EventType<?> type : EventCatalog.all()) {
      String generated =
          JSON.writerWithDefaultPrettyPrinter().writeValueAsString(schemaOf(type)) + "\n";
      Path file = SCHEMAS.resolve(type.type() + ".json");
      if (write) {
        Files.createDirectories(SCHEMAS);
        Files.writeString(file, generated);
      }
      assertThat(file).as("schema of %s", type.type()).exists();
      assertThat(Files.readString(file))
          .as("schema of %s is stale: regenerate with -Dcontracts.writeSchemas=true", type.type())
          .isEqualTo(generated);
    }
  }

  @Test
  void shouldSerialiseEverySampleEventValidAgainstItsSchemaAndBack() throws IOException {
    Map<EventType<?>, Object> samples = ContractSamples.all();
    assertThat(samples.keySet()).containsExactlyInAnyOrderElementsOf(EventCatalog.all());
    for (var sample : samples.entrySet()) {
      EventType<?> type = sample.getKey();
      String json = JSON.writeValueAsString(sample.getValue());
      Schema schema = loadSchema(type);

      assertThat(schema.validate(json, InputFormat.JSON)).as(type.type()).isEmpty();
      assertThat(JSON.readValue(json, type.dataClass())).isEqualTo(sample.getValue());
      assertThat(type.keyOf(sample.getValue())).isNotBlank();
    }
  }

  @Test
  void shouldReadEventsWithUnknownFieldsAsATolerantReader() {
    var sample =
        ContractSamples.all()
            .get(org.penpals.contracts.registration.RegistrationEvents.CYCLE_CLOSED);
    ObjectNode json = JSON.valueToTree(sample);
    json.put("addedInAFutureMinorVersion", "ignored");

    assertThat(JSON.treeToValue(json, sample.getClass())).isEqualTo(sample);
  }

  @Test
  void shouldRejectAnEventMissingARequiredFieldBothBySchemaAndByRecord() {
    var type = org.penpals.contracts.registration.RegistrationEvents.PARTICIPANT_REGISTERED;
    ObjectNode json = JSON.valueToTree(ContractSamples.all().get(type));
    json.remove("cycleId");

    assertThat(loadSchema(type).validate(json.toString(), InputFormat.JSON))
        .anySatisfy(error -> assertThat(error.getMessage()).contains("cycleId"));
    assertThatThrownBy(() -> JSON.treeToValue(json, type.dataClass()))
        .hasMessageContaining("cycleId");
  }

  @Test
  void shouldListEveryEventTypeAndTopicInTheEventsDocument() throws IOException {
    String doc = Files.readString(Path.of("../docs/events.md"));
    for (EventType<?> type : EventCatalog.all()) {
      assertThat(doc).as("docs/events.md").contains(type.type()).contains(type.topic());
    }
  }

  private static Schema loadSchema(EventType<?> type) {
    return SCHEMA_REGISTRY.getSchema(
        EventSchemasTest.class.getResourceAsStream(type.schemaResource()), InputFormat.JSON);
  }

  static JsonNode schemaOf(EventType<?> type) {
    var config =
        new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12, OptionPreset.PLAIN_JSON)
            .with(Option.EXTRA_OPEN_API_FORMAT_VALUES)
            .with(Option.NULLABLE_FIELDS_BY_DEFAULT)
            .without(Option.SCHEMA_VERSION_INDICATOR);
    config
        .forFields()
        .withRequiredCheck(
            field -> !isNullable(field.getDeclaringType().getErasedType(), field.getName()))
        .withNullableCheck(
            field -> isNullable(field.getDeclaringType().getErasedType(), field.getName()))
        .withInstanceAttributeOverride(
            (node, field, context) -> {
              if (Temporal.class.isAssignableFrom(field.getType().getErasedType())) {
                node.put("type", "string");
              }
            });
    config
        .forTypesInGeneral()
        .withTitleResolver(
            scope -> scope.getType().getErasedType() == type.dataClass() ? type.type() : null);
    JsonNode schema = new SchemaGenerator(config.build()).generateSchema(type.dataClass());
    ((ObjectNode) schema).put("$schema", "https://json-schema.org/draft/2020-12/schema");
    ((ObjectNode) schema).put("$id", "https://penpals.org/schemas/" + type.type() + ".json");
    return schema;
  }

  private static boolean isNullable(Class<?> owner, String component) {
    if (!owner.isRecord()) {
      return false;
    }
    return Arrays.stream(owner.getRecordComponents())
        .filter(c -> c.getName().equals(component))
        .map(RecordComponent::getAnnotatedType)
        .anyMatch(t -> t.isAnnotationPresent(Nullable.class));
  }
}
