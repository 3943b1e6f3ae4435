package org.penpals.gateway.console;

import java.util.stream.Collectors;
import org.penpals.gateway.route.GatewayProblem;
import org.penpals.gateway.route.ServiceProblem;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Messages carried across the redirect after a console action (post/redirect/get). */
final class Flash {
  private Flash() {}

  static void done(RedirectAttributes flash, String message) {
    flash.addFlashAttribute("notice", message);
  }

  /** The refusal as an error message on the next page. */
  static void failed(RedirectAttributes flash, RuntimeException e) {
    attempt(
        flash,
        () -> {
          throw e;
        },
        "");
  }

  /** Runs a change; a refusal of the service becomes an error message on the next page. */
  static boolean attempt(RedirectAttributes flash, Runnable change, String success) {
    try {
      change.run();
      flash.addFlashAttribute("notice", success);
      return true;
    } catch (ServiceProblem e) {
      String fields =
          e.errors().stream()
              .map(f -> f.field() + ": " + f.message())
              .collect(Collectors.joining("; "));
      flash.addFlashAttribute(
          "failure",
          e.getMessage()
              + (fields.isEmpty() || e.getMessage().contains(fields) ? "" : " (" + fields + ")"));
      return false;
    } catch (GatewayProblem e) {
      flash.addFlashAttribute("failure", e.getMessage());
      return false;
    }
  }
}
