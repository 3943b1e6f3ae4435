package org.penpals.portal.web;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.ServiceProblem;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The application form in four steps (about you; languages and interests; time zone and
 * preferences; consent and review), each a plain form post: no script needed. The draft waits in
 * the session; the service checks the whole application when it is sent, and its field problems are
 * shown next to their fields, on their step.
 */
@Controller
public class ApplyController {
  static final String DRAFT = "penpals.applicationDraft";
  static final String APPLIED = "penpals.applied";

  private final Registration registration;
  private final Choices choices;
  private final Clock clock;

  public ApplyController(Registration registration, Choices choices, Clock clock) {
    this.registration = registration;
    this.choices = choices;
    this.clock = clock;
  }

  @GetMapping("/apply")
  String start() {
    return "redirect:/apply/1";
  }

  @GetMapping("/apply/{step:[1-4]}")
  String step(@PathVariable int step, HttpSession session, Model model, Locale locale) {
    Registration.OpenCycle cycle = openCycle();
    if (cycle == null) {
      return "apply-closed";
    }
    ApplicationDraft draft = draft(session, cycle, locale);
    model.addAttribute("cycle", cycle);
    model.addAttribute("step", step);
    model.addAttribute("steps", ApplicationDraft.STEPS);
    model.addAttribute("draft", draft);
    model.addAttribute("stepErrors", draft.stepErrors(step));
    FormModel.fill(model, step, draft, registration, choices, locale);
    return "apply";
  }

  @PostMapping("/apply/{step:[1-4]}")
  String save(
      @PathVariable int step,
      @RequestParam MultiValueMap<String, String> form,
      @RequestParam(name = "back", required = false) @Nullable String back,
      HttpSession session,
      Locale locale,
      RedirectAttributes redirect) {
    Registration.OpenCycle cycle = openCycle();
    if (cycle == null) {
      return "apply-closed";
    }
    ApplicationDraft draft = draft(session, cycle, locale);
    draft.take(step, form);
    if (back != null && step > 1) {
      session.setAttribute(DRAFT, draft);
      return "redirect:/apply/" + (step - 1);
    }
    boolean ok = draft.check(step);
    session.setAttribute(DRAFT, draft);
    if (!ok) {
      return "redirect:/apply/" + step + "#errors";
    }
    if (step < ApplicationDraft.STEPS) {
      return "redirect:/apply/" + (step + 1);
    }
    // every step holds together: send the whole application
    for (int s = 1; s < ApplicationDraft.STEPS; s++) {
      if (!draft.check(s)) {
        session.setAttribute(DRAFT, draft);
        return "redirect:/apply/" + s + "#errors";
      }
    }
    try {
      Registration.Applied applied = registration.apply(cycle.id(), draft.toApplication());
      session.removeAttribute(DRAFT);
      session.setAttribute(
          APPLIED, new Applied(draft.value("email"), cycle.id(), applied.admission()));
      return "redirect:/apply/done";
    } catch (ServiceProblem e) {
      if (e.status() == 429) {
        redirect.addFlashAttribute("tooMany", true);
      }
      draft.accept(e);
      session.setAttribute(DRAFT, draft);
      int first = draft.firstStepWithErrors();
      return "redirect:/apply/" + (first == 0 ? ApplicationDraft.STEPS : first) + "#errors";
    }
  }

  /** What the confirmation page says. */
  public record Applied(String email, String cycleId, String admission)
      implements java.io.Serializable {}

  @GetMapping("/apply/done")
  String done(HttpSession session, Model model) {
    Object applied = session.getAttribute(APPLIED);
    if (!(applied instanceof Applied a)) {
      return "redirect:/apply/1";
    }
    model.addAttribute("applied", a);
    return "apply-done";
  }

  /** Mails the verification link again (same answer whether or not the address applied). */
  @PostMapping("/apply/resend")
  String resend(HttpSession session, Model model) {
    if (session.getAttribute(APPLIED) instanceof Applied a) {
      registration.resendVerification(a.cycleId(), a.email());
      model.addAttribute("applied", a);
      model.addAttribute("resent", true);
      return "apply-done";
    }
    return "redirect:/apply/1";
  }

  private Registration.@Nullable OpenCycle openCycle() {
    return registration.openCycles().stream()
        .filter(c -> c.registrationClosesAt().isAfter(clock.instant()))
        .findFirst()
        .orElse(null);
  }

  private static ApplicationDraft draft(
      HttpSession session, Registration.OpenCycle cycle, Locale locale) {
    Object existing = session.getAttribute(DRAFT);
    if (existing instanceof ApplicationDraft d && cycle.id().equals(d.cycleId())) {
      return d;
    }
    ApplicationDraft d = new ApplicationDraft();
    d.cycleId(cycle.id());
    d.set("locale", locale.getLanguage());
    d.set("sectorPreference", "NO_PREFERENCE");
    return d;
  }
}
