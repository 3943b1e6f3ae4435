package org.penpals.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.ServiceProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The verification link from the mail. Opening it only shows a button: mail scanners that fetch
 * links must not use up the single-use token; the button's post confirms the email.
 */
@Controller
public class VerifyController {
  private final Registration registration;

  public VerifyController(Registration registration) {
    this.registration = registration;
  }

  @GetMapping("/verify/{token}")
  String page(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    return "verify";
  }

  /** The same page for links written {@code /verify?token=...}. */
  @GetMapping(value = "/verify", params = "token")
  String pageWithParameter(@RequestParam("token") String token, Model model) {
    return page(token, model);
  }

  @PostMapping("/verify/{token}")
  String verify(@PathVariable String token, Model model, HttpServletResponse response) {
    try {
      registration.verify(token);
      model.addAttribute("verified", true);
    } catch (ServiceProblem e) {
      model.addAttribute("failed", true);
      response.setStatus(e.status() == 429 ? 429 : 410);
    }
    return "verified";
  }
}
