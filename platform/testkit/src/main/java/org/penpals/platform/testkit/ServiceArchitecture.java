package org.penpals.platform.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * The dependency rules of GUIDE.md that every service shares (packages by feature, each with {@code
 * domain}, {@code application} and {@code adapter.in|out}); a service's {@code ArchitectureTest}
 * checks these against its main classes and adds its own.
 */
public final class ServiceArchitecture {
  /** The root package of every service and web application. */
  public static final List<String> SERVICES =
      List.of(
          "org.penpals.registration",
          "org.penpals.matching",
          "org.penpals.prompt",
          "org.penpals.messaging",
          "org.penpals.gateway",
          "org.penpals.portal");

  private static final List<String> FRAMEWORKS =
      List.of("org.springframework..", "com.mongodb..", "org.bson..", "org.apache.kafka..");

  private ServiceArchitecture() {}

  /**
   * Every shared rule, one dynamic test each (named by the rule), for a service's {@code
   * ArchitectureTest}: {@code @TestFactory Stream<DynamicTest> shared() { return
   * ServiceArchitecture.sharedRules("org.penpals.x", List.of(), List.of()); }}.
   *
   * @param domainAlsoForbidden further packages the service's domain must not use
   * @param useCasesAlsoForbidden further packages its use cases must not use
   */
  public static Stream<DynamicTest> sharedRules(
      String servicePackage, List<String> domainAlsoForbidden, List<String> useCasesAlsoForbidden) {
    JavaClasses classes = mainClassesOf(servicePackage);
    return Stream.of(
            domainIsPlainJava(domainAlsoForbidden.toArray(String[]::new)),
            useCasesKnowNoFrameworkOrAdapter(useCasesAlsoForbidden.toArray(String[]::new)),
            inboundAdaptersDoNotCallOutboundAdapters(),
            outboundAdaptersDoNotCallInboundAdapters(),
            dependsOnNoOtherService(servicePackage))
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
  }

  /** The service's main classes (no tests). */
  public static JavaClasses mainClassesOf(String servicePackage) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages(servicePackage);
  }

  /**
   * Domain code is plain Java: no framework, no JSON or Jakarta types, no platform adapters, no
   * integration events, and it knows neither its use cases nor its adapters.
   *
   * @param alsoForbidden further packages the service's domain must not use
   */
  public static ArchRule domainIsPlainJava(String... alsoForbidden) {
    List<String> forbidden = new ArrayList<>(FRAMEWORKS);
    forbidden.addAll(
        List.of(
            "tools.jackson..",
            "com.fasterxml..",
            "jakarta..",
            "org.penpals.platform.autoconfigure..",
            "org.penpals.platform.events..",
            "org.penpals.platform.outbox..",
            "org.penpals.platform.web..",
            "org.penpals.platform.security..",
            "org.penpals.contracts..",
            "..application..",
            "..adapter.."));
    forbidden.addAll(Arrays.asList(alsoForbidden));
    return noClasses()
        .that()
        .resideInAPackage("..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new));
  }

  /**
   * Use cases know no framework and no adapter: they talk to ports.
   *
   * @param alsoForbidden further packages the service's use cases must not use
   */
  public static ArchRule useCasesKnowNoFrameworkOrAdapter(String... alsoForbidden) {
    List<String> forbidden = new ArrayList<>(FRAMEWORKS);
    forbidden.add("..adapter..");
    forbidden.addAll(Arrays.asList(alsoForbidden));
    return noClasses()
        .that()
        .resideInAPackage("..application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(forbidden.toArray(String[]::new));
  }

  /** Inbound adapters (web, Kafka listeners) go through use cases, never to storage directly. */
  public static ArchRule inboundAdaptersDoNotCallOutboundAdapters() {
    return noClasses()
        .that()
        .resideInAPackage("..adapter.in..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..adapter.out..");
  }

  /** Outbound adapters (storage, mail, other services) never reach back into inbound ones. */
  public static ArchRule outboundAdaptersDoNotCallInboundAdapters() {
    return noClasses()
        .that()
        .resideInAPackage("..adapter.out..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("..adapter.in..");
  }

  /** Services meet only in the contracts module: no class of another service is used. */
  public static ArchRule dependsOnNoOtherService(String servicePackage) {
    String[] others =
        SERVICES.stream()
            .filter(service -> !service.equals(servicePackage))
            .map(service -> service + "..")
            .toArray(String[]::new);
    return noClasses().should().dependOnClassesThat().resideInAnyPackage(others);
  }
}
