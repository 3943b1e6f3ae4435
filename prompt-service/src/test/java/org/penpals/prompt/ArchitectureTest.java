package org.penpals.prompt;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.penpals.platform.testkit.ServiceArchitecture;

/**
 * The dependency rules of GUIDE.md for prompt-service: the shared ones, and use cases stay off the
 * library's storage.
 */
class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> sharedRules() {
    return ServiceArchitecture.sharedRules(
        "org.penpals.prompt",
        List.of("net.javacrumbs..", "..config.."),
        List.of("net.javacrumbs..", "..config.."));
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
        .check(ServiceArchitecture.mainClassesOf("org.penpals.prompt"));
  }
}
