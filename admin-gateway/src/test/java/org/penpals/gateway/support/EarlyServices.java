package org.penpals.gateway.support;

import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Starts the {@link RealServices} as soon as a test run that includes the browser test begins, so
 * that the services boot while the other integration tests run instead of after them. Registered in
 * {@code META-INF/services}; does nothing in a run without the browser test.
 */
public final class EarlyServices implements TestExecutionListener {
  static final String BROWSER_TEST = "org.penpals.gateway.ConsoleBrowserIT";

  @Override
  public void testPlanExecutionStarted(TestPlan plan) {
    boolean browser =
        plan.getRoots().stream()
            .flatMap(root -> plan.getDescendants(root).stream())
            .anyMatch(EarlyServices::isBrowserTest);
    if (browser) {
      RealServices.start();
    }
  }

  private static boolean isBrowserTest(TestIdentifier test) {
    return test.getSource()
        .filter(ClassSource.class::isInstance)
        .map(source -> ((ClassSource) source).getClassName().equals(BROWSER_TEST))
        .orElse(false);
  }
}
