package org.penpals.registration;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.penpals.platform.testkit.ServiceArchitecture;

/** The dependency rules of GUIDE.md for registration-service: the shared ones. */
class ArchitectureTest {
  @TestFactory
  Stream<DynamicTest> sharedRules() {
    return ServiceArchitecture.sharedRules("org.penpals.registration", List.of(), List.of());
  }
}
