package org.penpals.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.penpals.platform.testkit.ServiceArchitecture;

/**
 * The dependency rules of GUIDE.md for matching-service: the shared ones, and the engine is plain
 * Java too.
 */
class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> sharedRules() {
    return ServiceArchitecture.sharedRules("org.penpals.matching", List.of(), List.of());
  }

  @Test
  void theEngineShouldBePlainJava() {
    noClasses()
        .that()
        .resideInAPackage("org.penpals.matching.engine..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "com.mongodb..",
            "org.bson..",
            "org.apache.kafka..",
            "tools.jackson..",
            "jakarta..")
        .check(ServiceArchitecture.mainClassesOf("org.penpals.matching"));
  }
}
