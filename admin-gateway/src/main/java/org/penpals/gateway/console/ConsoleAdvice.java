package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.route.GatewayProblem;
import org.penpals.gateway.route.ServiceProblem;
import org.penpals.gateway.staff.StaffAuthentication;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page knows (who is signed in) and how a page fails: a service that does not
 * answer, or refuses, becomes a page that says so — the rest of the console keeps working.
 */
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
class ConsoleAdvice {

  @ModelAttribute("me")
  @Nullable StaffPrincipal me() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth instanceof StaffAuthentication staff ? staff.getPrincipal() : null;
  }

  @ExceptionHandler(GatewayProblem.class)
  String gatewayProblem(
      GatewayProblem e, HttpServletRequest request, HttpServletResponse response, Model model) {
    response.setStatus(e.status().value());
    model.addAttribute("me", me());
    model.addAttribute("status", e.status().value());
    model.addAttribute("title", e.status().getReasonPhrase());
    model.addAttribute("detail", e.getMessage());
    return "console/problem";
  }

  @ExceptionHandler(ServiceProblem.class)
  String serviceProblem(ServiceProblem e, HttpServletResponse response, Model model) {
    response.setStatus(e.status() >= 500 ? 502 : e.status());
    model.addAttribute("me", me());
    model.addAttribute("status", e.status());
    model.addAttribute("title", e.title());
    model.addAttribute("detail", e.getMessage());
    model.addAttribute("errors", e.errors());
    return "console/problem";
  }

  @ExceptionHandler({InvalidInput.class, StateConflict.class, NotFound.class})
  String domainProblem(RuntimeException e, HttpServletResponse response, Model model) {
    int status = e instanceof NotFound ? 404 : e instanceof StateConflict ? 409 : 400;
    response.setStatus(status);
    model.addAttribute("me", me());
    model.addAttribute("status", status);
    model.addAttribute("title", status == 404 ? "Not found" : "Not possible");
    model.addAttribute(
        "detail",
        e instanceof InvalidInput invalid
            ? invalid.violations().get(0).field() + " " + invalid.violations().get(0).message()
            : e.getMessage());
    return "console/problem";
  }
}
