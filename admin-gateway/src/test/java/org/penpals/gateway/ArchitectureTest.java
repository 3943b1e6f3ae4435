package org.penpals.gateway;

import static org.penpals.platform.testkit.ServiceArchitecture.dependsOnNoOtherService;
import static org.penpals.platform.testkit.ServiceArchitecture.mainClassesOf;

import org.junit.jupiter.api.Test;

/**
 * The gateway reaches the services over HTTP only (routes and the console's calls): it uses no
 * class of theirs, so each can change and deploy on its own.
 */
class ArchitectureTest {
  @Test
  void shouldNotDependOnAnyService() {
    dependsOnNoOtherService("org.penpals.gateway").check(mainClassesOf("org.penpals.gateway"));
  }
}
