package org.penpals.matching;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of GUIDE.md for matching-service. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.penpals.matching");
  }

  @Test
  void theEngineAndTheRunDomainShouldBePlainJava() {
    noClasses()
        .that()
        .resideInAnyPackage("org.penpals.matching.engine..", "org.penpals.matching.run.domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "com.mongodb..",
            "org.bson..",
            "org.apache.kafka..",
            "tools.jackson..",
            "jakarta..")
        .check(classes);
  }

  @Test
  void useCasesShouldNotKnowWebOrMongo() {
    noClasses()
        .that()
        .resideInAPackage("..run.application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("org.springframework.web..", "com.mongodb..", "..adapter..")
        .check(classes);
  }

  @Test
  void shouldNotDependOnAnyOtherService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.penpals.registration..",
            "org.penpals.prompt..",
            "org.penpals.messaging..",
            "org.penpals.gateway..",
            "org.penpals.portal..")
        .check(classes);
  }
}
