package org.penpals.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.penpals.portal.services.Messaging;
import org.penpals.portal.services.ParticipantTokens;
import org.penpals.portal.services.Prompts;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.ServiceCalls;
import org.penpals.portal.services.ServiceProblem;
import org.penpals.portal.services.ServiceUnavailable;
import org.penpals.portal.signin.Participant;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.node.ObjectNode;

/** My data: edit the profile and preferences, withdraw, download everything, erase. */
@Controller
public class MyDataController {
  static final String EDIT = "penpals.profileDraft";

  private final Registration registration;
  private final Prompts prompts;
  private final Messaging messaging;
  private final Choices choices;
  private final ParticipantTokens tokens;
  private final Clock clock;

  public MyDataController(
      Registration registration,
      Prompts prompts,
      Messaging messaging,
      Choices choices,
      ParticipantTokens tokens,
      Clock clock) {
    this.registration = registration;
    this.prompts = prompts;
    this.messaging = messaging;
    this.choices = choices;
    this.tokens = tokens;
    this.clock = clock;
  }

  @GetMapping("/my-data")
  String page(@AuthenticationPrincipal Participant me, Model model) {
    Registration.Me application = registration.me(me.id());
    model.addAttribute("myApplication", application);
    model.addAttribute("editable", editable(application));
    model.addAttribute(
        "draft", application.profile() == null ? null : ApplicationDraft.of(application.profile()));
    return "my-data";
  }

  /**
   * The profile editor, in two pages so that each stays small: {@code profile} (about you, time
   * zone and preferences) and {@code languages} (languages and interests).
   */
  @GetMapping("/my-data/{part:profile|languages}")
  String edit(
      @AuthenticationPrincipal Participant me,
      @PathVariable String part,
      HttpSession session,
      Model model,
      Locale locale) {
    Registration.Me application = registration.me(me.id());
    if (!editable(application)) {
      return "redirect:/my-data";
    }
    ApplicationDraft draft =
        session.getAttribute(EDIT + part) instanceof ApplicationDraft d
            ? d
            : ApplicationDraft.of(application.profile());
    session.removeAttribute(EDIT + part);
    model.addAttribute("draft", draft);
    model.addAttribute("part", part);
    model.addAttribute("errorsShown", draft.errors());
    FormModel.fill(model, part.equals("profile") ? 13 : 2, draft, registration, choices, locale);
    return "my-data-edit";
  }

  @PostMapping("/my-data/{part:profile|languages}")
  String update(
      @AuthenticationPrincipal Participant me,
      @PathVariable String part,
      @RequestParam MultiValueMap<String, String> form,
      HttpSession session,
      RedirectAttributes redirect) {
    Registration.Me application = registration.me(me.id());
    if (!editable(application)) {
      return "redirect:/my-data";
    }
    ApplicationDraft draft = ApplicationDraft.of(application.profile());
    int[] steps = part.equals("profile") ? new int[] {1, 3} : new int[] {2};
    boolean ok = true;
    for (int step : steps) {
      draft.take(step, form);
      if (step == 1) {
        draft.set("email", application.profile().email());
      }
      ok &= draft.check(step);
    }
    if (ok) {
      try {
        registration.update(me.id(), draft.toProfile());
        redirect.addFlashAttribute("saved", true);
        return "redirect:/my-data";
      } catch (ServiceProblem e) {
        if (e.status() == 409) {
          redirect.addFlashAttribute("locked", true);
          return "redirect:/my-data";
        }
        draft.accept(e);
      }
    }
    session.setAttribute(EDIT + part, draft);
    return "redirect:/my-data/" + part + "#errors";
  }

  private static boolean editable(Registration.Me application) {
    return application.profile() != null && !application.withdrawn();
  }

  @PostMapping("/my-data/withdrawal")
  String withdraw(
      @AuthenticationPrincipal Participant me,
      @RequestParam(name = "reason", required = false) @Nullable String reason,
      @RequestParam(name = "confirm", required = false) @Nullable String confirm,
      RedirectAttributes redirect) {
    if (confirm == null) {
      redirect.addFlashAttribute("withdrawUnconfirmed", true);
      return "redirect:/my-data#withdraw";
    }
    try {
      registration.withdraw(me.id(), reason);
      redirect.addFlashAttribute("withdrawn", true);
    } catch (ServiceProblem e) {
      redirect.addFlashAttribute("withdrawFailed", true);
    }
    return "redirect:/my-data#withdraw";
  }

  /** Everything the services hold about me, as one JSON download. */
  @GetMapping("/my-data/export")
  ResponseEntity<byte[]> export(@AuthenticationPrincipal Participant me) {
    ObjectNode all = ServiceCalls.JSON.createObjectNode();
    all.put("exportedAt", clock.instant().toString());
    all.set("registration", registration.export(me.id()));
    try {
      prompts
          .mine(me.id())
          .ifPresent(view -> all.set("prompts", ServiceCalls.JSON.valueToTree(view)));
      all.set("conversations", messaging.threads(me.id()));
    } catch (ServiceUnavailable e) {
      all.put("incomplete", "the " + e.service() + " service did not answer; try again later");
    }
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_JSON)
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"penpals-my-data.json\"")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(ServiceCalls.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
  }

  @PostMapping("/my-data/erasure")
  String erase(
      @AuthenticationPrincipal Participant me,
      @RequestParam(name = "confirm", required = false) @Nullable String confirm,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (confirm == null) {
      redirect.addFlashAttribute("eraseUnconfirmed", true);
      return "redirect:/my-data#erase";
    }
    registration.erase(me.id());
    tokens.forget(me.id());
    SecurityContextHolder.clearContext();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    // a flash attribute, saved in a new session: only this erasure can make the page say so
    redirect.addFlashAttribute(Notices.ERASED, true);
    return "redirect:/";
  }
}
