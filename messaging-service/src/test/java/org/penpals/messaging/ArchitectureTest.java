package org.penpals.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of GUIDE.md for messaging-service. */
class ArchitectureTest {
  static JavaClasses classes;

  @BeforeAll
  static void importClasses() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.penpals.messaging");
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
            "jakarta..",
            "org.thymeleaf..",
            "io.github.resilience4j..",
            "org.penpals.platform.autoconfigure..",
            "org.penpals.platform.events..",
            "org.penpals.platform.outbox..",
            "org.penpals.platform.web..",
            "org.penpals.platform.security..",
            "org.penpals.contracts..",
            "..application..",
            "..adapter..")
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
            "jakarta..",
            "org.thymeleaf..",
            "io.github.resilience4j..",
            "..adapter..")
        .check(classes);
  }

  @Test
  void inboundAdaptersShouldNotCallOutboundAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..adapter.in..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..adapter.out..")
        .check(classes);
  }

  @Test
  void outboundAdaptersShouldNotCallInboundAdapters() {
    noClasses()
        .that()
        .resideInAPackage("..adapter.out..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..adapter.in..")
        .check(classes);
  }

  @Test
  void onlyTheSmtpAdapterShouldTalkToTheMailServer() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..adapter.out.smtp..", "..config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.mail..", "org.springframework.mail..", "org.eclipse.angus..")
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
            "org.penpals.prompt..",
            "org.penpals.gateway..",
            "org.penpals.portal..")
        .check(classes);
  }
}
