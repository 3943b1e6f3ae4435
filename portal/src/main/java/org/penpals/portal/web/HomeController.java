package org.penpals.portal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
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
 * A signed-in participant's pages: home (the partner card or the application's status, this week's
 * prompt, check-ins to answer, the latest messages), the prompt archive and the conversation. No
 * URL or form carries a participant or partnership id: both come from the session and from the
 * services' answers for it.
 */
@Controller
public class HomeController {
  static final int LATEST_MESSAGES = 3;
  static final int MAX_MESSAGE = 4000;

  private final Registration registration;
  private final Prompts prompts;
  private final Messaging messaging;

  public HomeController(Registration registration, Prompts prompts, Messaging messaging) {
    this.registration = registration;
    this.prompts = prompts;
    this.messaging = messaging;
  }

  @GetMapping("/home")
  String home(@AuthenticationPrincipal Participant me, Model model) {
    Optional<Messaging.Partnership> partnership = messaging.partnership(me.id());
    model.addAttribute("partnership", partnership.orElse(null));
    if (partnership.isEmpty()) {
      model.addAttribute("myApplication", registration.me(me.id()));
      return "home";
    }
    Messaging.Partnership p = partnership.get();
    model.addAttribute(
        "partners",
        p.partners().stream().filter(partner -> !partner.participantId().equals(me.id())).toList());
    Optional<Prompts.View> view = prompts.mine(me.id());
    model.addAttribute("prompts", view.orElse(null));
    model.addAttribute("toAnswer", view.map(HomeController::toAnswer).orElse(List.of()));
    List<Messaging.Message> messages = messaging.messages(me.id(), p.partnershipId());
    model.addAttribute(
        "messages",
        messages.subList(Math.max(0, messages.size() - LATEST_MESSAGES), messages.size()));
    model.addAttribute("messageCount", messages.size());
    model.addAttribute("authors", new Authors(me, p));
    return "home";
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
      Prompts.Report report = prompts.reportQuiet(me.id(), note);
      redirect.addFlashAttribute("report", report);
    } catch (ServiceProblem e) {
      redirect.addFlashAttribute("reportFailed", true);
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
