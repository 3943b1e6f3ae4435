package org.penpals.messaging;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.penpals.platform.testkit.ServiceArchitecture;

/**
 * The dependency rules of GUIDE.md for messaging-service: the shared ones, and only the SMTP
 * adapter talks to the mail server.
 */
class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> sharedRules() {
    return ServiceArchitecture.sharedRules(
        "org.penpals.messaging",
        List.of("org.thymeleaf..", "io.github.resilience4j.."),
        List.of("jakarta..", "org.thymeleaf..", "io.github.resilience4j.."));
  }

  @Test
  void onlyTheSmtpAdapterShouldTalkToTheMailServer() {
    noClasses()
        .that()
        .resideOutsideOfPackages("..adapter.out.smtp..", "..config..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("jakarta.mail..", "org.springframework.mail..", "org.eclipse.angus..")
        .check(ServiceArchitecture.mainClassesOf("org.penpals.messaging"));
  }
}
