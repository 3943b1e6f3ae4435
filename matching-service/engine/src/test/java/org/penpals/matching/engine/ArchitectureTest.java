package org.penpals.matching.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The engine is a plain Java library: the service wraps it, never the other way round. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.penpals.matching.engine");
  }

  @Test
  void shouldUseNoFrameworkTypes() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "tools.jackson..",
            "com.fasterxml..",
            "com.mongodb..",
            "org.bson..",
            "org.apache.kafka..",
            "jakarta..",
            "org.jgrapht..",
            "org.penpals.contracts..",
            "org.penpals.platform..")
        .check(classes);
  }

  @Test
  void shouldDependOnlyOnTheJdkAndJspecify() {
    classes()
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage("java..", "org.jspecify..", "org.penpals.matching.engine..")
        .check(classes);
  }

  @Test
  void shouldKeepTheSolverFreeOfThePeopleModel() {
    noClasses()
        .that()
        .resideInAPackage("..engine.solver..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("org.penpals.matching.engine")
        .check(classes);
  }
}
