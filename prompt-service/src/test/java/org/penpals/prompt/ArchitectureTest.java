package org.penpals.prompt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of GUIDE.md for prompt-service. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.penpals.prompt");
  }

  @Test
  void domainShouldBePlainJava() {
    noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "com.mongodb..",
            "org.bson..",
            "org.apache.kafka..",
            "tools.jackson..",
            "com.fasterxml..",
            "jakarta..",
            "net.javacrumbs..",
            "org.penpals.platform.autoconfigure..",
            "org.penpals.platform.events..",
            "org.penpals.platform.outbox..",
            "org.penpals.platform.web..",
            "org.penpals.platform.security..",
            "org.penpals.contracts..",
            "..application..",
            "..adapter..",
            "..config..")
        .check(classes);
  }

  @Test
  void useCasesShouldNotKnowFrameworksOrAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.springframework..",
            "com.mongodb..",
            "org.bson..",
            "org.apache.kafka..",
            "net.javacrumbs..",
            "..adapter..",
            "..config..")
        .check(classes);
  }

  @Test
  void useCasesShouldNotDependOnTheLibrarysStorage() {
    noClasses()
        .that()
        .resideInAnyPackage("..application..", "..domain..")
        .should()
        .dependOnClassesThat()
        .haveSimpleNameEndingWith("Controller")
        .orShould()
        .dependOnClassesThat()
        .haveFullyQualifiedName("org.penpals.prompt.library.PromptLibrary")
        .check(classes);
  }

  @Test
  void inboundAdaptersShouldNotCallPersistenceAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..adapter.in..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..adapter.out..")
        .check(classes);
  }

  @Test
  void persistenceAdaptersShouldNotCallInboundAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..adapter.out..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..adapter.in..")
        .check(classes);
  }

  @Test
  void shouldNotDependOnAnyOtherService() {
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "org.penpals.registration..",
            "org.penpals.matching..",
            "org.penpals.messaging..",
            "org.penpals.gateway..",
            "org.penpals.portal..")
        .check(classes);
  }
}
