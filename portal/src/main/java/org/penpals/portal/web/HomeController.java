package org.penpals.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.penpals.portal.services.Matching;
import org.penpals.portal.services.Messaging;
import org.penpals.portal.services.Prompts;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.ServiceProblem;
import org.penpals.portal.signin.Participant;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in participant's pages: home (the partner card or the application's standing, this
 * week's prompt, check-ins to answer, the latest messages, the quiet-partner report, the latest
 * updates), the prompt archive and the conversation. No URL or form carries a participant or
 * partnership id: both come from the session and from the services' answers for it. Every statement
 * about the participant's standing comes from a service's answer (ADR 0012 §6).
 */
@Controller
public class HomeController {
  static final int LATEST_MESSAGES = 3;
  static final int LATEST_UPDATES = 5;
  static final int MAX_MESSAGE = 4000;
  static final int MAX_REASON = 300;

  private final Registration registration;
  private final Prompts prompts;
  private final Messaging messaging;
  private final Matching matching;

  public HomeController(
      Registration registration, Prompts prompts, Messaging messaging, Matching matching) {
    this.registration = registration;
    this.prompts = prompts;
    this.messaging = messaging;
    this.matching = matching;
  }

  @GetMapping("/home")
  String home(@AuthenticationPrincipal Participant me, Model model) {
    Optional<Messaging.Partnership> partnership = messaging.partnership(me.id());
    List<Messaging.Notice> notices = messaging.notices(me.id());
    model.addAttribute("partnership", partnership.orElse(null));
    model.addAttribute("updates", notices.stream().limit(LATEST_UPDATES).map(Update::of).toList());
    model.addAttribute("updateCount", notices.size());
    if (partnership.isEmpty()) {
      Registration.Me application = registration.me(me.id());
      model.addAttribute("myApplication", application);
      model.addAttribute(
          "standing",
          new Standing(
              application,
              Standing.awaitsAPartner(application)
                  ? LifeEvents.unpaired(notices, matching.newPartnerRequest(me.id()))
                  : null));
      return "home";
    }
    Messaging.Partnership p = partnership.get();
    model.addAttribute(
        "partners",
        p.partners().stream().filter(partner -> !partner.participantId().equals(me.id())).toList());
    Optional<Prompts.View> view = prompts.mine(me.id());
    List<Prompts.Received> toAnswer = view.map(HomeController::toAnswer).orElse(List.of());
    model.addAttribute("prompts", view.orElse(null));
    model.addAttribute("toAnswer", toAnswer);
    List<Messaging.Message> messages = messaging.messages(me.id(), p.partnershipId());
    model.addAttribute(
        "messages",
        messages.subList(Math.max(0, messages.size() - LATEST_MESSAGES), messages.size()));
    model.addAttribute("messageCount", messages.size());
    model.addAttribute("authors", new Authors(me, p));
    if (p.completed()) {
      model.addAttribute(
          "finalSurveyToAnswer", toAnswer.stream().anyMatch(Prompts.Received::finalSurvey));
      return "home";
    }
    model.addAttribute("newPartnerSince", LifeEvents.newPartnerSince(notices).orElse(null));
    // prompt-service answers the report of the partnership it knows as current; until it knows
    // the one messaging shows (a new partner formed a moment ago), its report is not this one's
    if (view.isEmpty() || view.get().partnershipId().equals(p.partnershipId())) {
      model.addAttribute("quiet", quiet(me, view.orElse(null), notices));
    }
    return "home";
  }

  private QuietReport quiet(
      Participant me, Prompts.@Nullable View view, List<Messaging.Notice> notices) {
    boolean reportable =
        view == null
            || view.partnershipStatus() == null
            || view.partnershipStatus() == Prompts.PartnershipStatus.ACTIVE;
    Prompts.Report report = prompts.myReport(me.id()).orElse(null);
    Matching.NewPartnerRequest request = null;
    if (report != null && report.status() == Prompts.ReportStatus.FLAGGED) {
      request =
          matching
              .newPartnerRequest(me.id())
              .filter(r -> LifeEvents.current(r, notices))
              .orElse(null);
    }
    return new QuietReport(report, request, reportable);
  }

  private static List<Prompts.Received> toAnswer(Prompts.View view) {
    List<Prompts.Received> out = new ArrayList<>();
    if (view.current() != null && view.current().toAnswer()) {
      out.add(view.current());
    }
    view.past().stream().filter(Prompts.Received::toAnswer).forEach(out::add);
    return out;
  }

  @GetMapping("/prompts")
  String archive(@AuthenticationPrincipal Participant me, Model model) {
    model.addAttribute("prompts", prompts.mine(me.id()).orElse(null));
    return "prompts";
  }

  @PostMapping("/home/answers")
  String answer(
      @AuthenticationPrincipal Participant me,
      @RequestParam("number") int number,
      @RequestParam(name = "connected", required = false) @Nullable String connected,
      @RequestParam(name = "rating", required = false) @Nullable Integer rating,
      @RequestParam(name = "comments", required = false) @Nullable String comments,
      RedirectAttributes redirect) {
    Boolean isConnected =
        connected == null ? null : "yes".equals(connected) ? Boolean.TRUE : Boolean.FALSE;
    try {
      prompts.answer(me.id(), number, isConnected, rating, comments);
      redirect.addFlashAttribute("answered", true);
    } catch (ServiceProblem e) {
      if (e.status() >= 500) {
        throw e;
      }
      redirect.addFlashAttribute("answerFailed", number);
    }
    return "redirect:/home#checkins";
  }

  @PostMapping("/home/quiet")
  String quiet(
      @AuthenticationPrincipal Participant me,
      @RequestParam(name = "note", required = false) @Nullable String note,
      RedirectAttributes redirect) {
    try {
      prompts.reportQuiet(me.id(), note);
    } catch (ServiceProblem e) {
      redirect.addFlashAttribute("reportFailed", true);
    }
    // the page then shows the report as the prompt service tells it, reminder and all
    return "redirect:/home#quiet";
  }

  /**
   * Asks matching for a new partner. Matching decides whether it may be asked (its grace period,
   * the flagged report, the cycle): a refusal shows its reason; the page then shows the request as
   * matching tells it.
   */
  @PostMapping("/home/new-partner")
  String newPartner(@AuthenticationPrincipal Participant me, RedirectAttributes redirect) {
    try {
      matching.askForNewPartner(me.id());
    } catch (ServiceProblem e) {
      // 404 (no active partnership) and 409 (too early, no unanswered report, the cycle ended)
      // explain themselves; anything else is only "could not"
      boolean explained = e.status() == 404 || e.status() == 409;
      String reason = explained ? e.detail().strip() : "";
      redirect.addFlashAttribute(
          "newPartnerRefused",
          reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) + "…" : reason);
    }
    return "redirect:/home#quiet";
  }

  @GetMapping("/messages")
  String messages(@AuthenticationPrincipal Participant me, Model model) {
    Optional<Messaging.Partnership> partnership = messaging.partnership(me.id());
    if (partnership.isEmpty()) {
      return "redirect:/home";
    }
    Messaging.Partnership p = partnership.get();
    model.addAttribute("partnership", p);
    model.addAttribute("messages", messaging.messages(me.id(), p.partnershipId()));
    model.addAttribute("authors", new Authors(me, p));
    return "messages";
  }

  /**
   * Writes to the partner. The thread is the participant's current partnership, as the messaging
   * service tells it: any id a browser sends along is ignored.
   */
  @PostMapping("/messages")
  String post(
      @AuthenticationPrincipal Participant me,
      @RequestParam(name = "text", defaultValue = "") String text,
      @RequestParam(name = "from", defaultValue = "messages") String from,
      RedirectAttributes redirect) {
    String back = "home".equals(from) ? "redirect:/home#conversation" : "redirect:/messages#write";
    if (text.isBlank() || text.length() > MAX_MESSAGE) {
      redirect.addFlashAttribute("messageError", text.isBlank() ? "empty" : "long");
      redirect.addFlashAttribute("draftText", text);
      return back;
    }
    Optional<Messaging.Partnership> partnership = messaging.partnership(me.id());
    if (partnership.isEmpty()) {
      return "redirect:/home";
    }
    try {
      messaging.post(me.id(), partnership.get().partnershipId(), text);
      redirect.addFlashAttribute("sent", true);
    } catch (ServiceProblem e) {
      if (e.status() >= 500) {
        throw e;
      }
      redirect.addFlashAttribute("messageError", "refused");
      redirect.addFlashAttribute("draftText", text);
    }
    return back;
  }

  /** Who wrote a message, for the page: "you" or the partner's name. */
  public static final class Authors {
    private final Participant me;
    private final Messaging.Partnership partnership;

    Authors(Participant me, Messaging.Partnership partnership) {
      this.me = me;
      this.partnership = partnership;
    }

    public boolean mine(Messaging.Message m) {
      return me.id().equals(m.authorId());
    }

    public String name(Messaging.Message m) {
      return partnership.partners().stream()
          .filter(p -> p.participantId().equals(m.authorId()))
          .map(Messaging.Partner::name)
          .findFirst()
          .orElse("");
    }
  }
}
