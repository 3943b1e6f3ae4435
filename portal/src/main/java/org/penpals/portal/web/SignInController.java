package org.penpals.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.penpals.portal.config.WebConfiguration;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.ServiceProblem;
import org.penpals.portal.signin.Participant;
import org.penpals.portal.signin.SignInLimiter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Signing in without a password: ask for a link by email (the answer is the same for every
 * address), open it, press the button (a GET never uses the link up), and the session is bound to
 * the participant the registration service says the link was for.
 */
@Controller
public class SignInController {
  private static final org.slf4j.Logger log =
      org.slf4j.LoggerFactory.getLogger(SignInController.class);
  private final Registration registration;
  private final SignInLimiter limiter;
  private final SecurityContextRepository contexts;
  private final LocaleResolver locales;

  public SignInController(
      Registration registration,
      SignInLimiter limiter,
      SecurityContextRepository contexts,
      LocaleResolver locales) {
    this.registration = registration;
    this.limiter = limiter;
    this.contexts = contexts;
    this.locales = locales;
  }

  /** The landing page for links written {@code /sign-in?token=...}. */
  @GetMapping(value = "/sign-in", params = "token")
  String linkWithParameter(@RequestParam("token") String token, Model model) {
    return link(token, model);
  }

  @GetMapping("/sign-in")
  String form() {
    if (PortalAdvice.signedIn() != null) {
      return "redirect:/home";
    }
    return "sign-in";
  }

  @PostMapping("/sign-in")
  String request(
      @RequestParam(name = "email", defaultValue = "") String email,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String address = email.strip();
    if (!address.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || address.length() > 254) {
      model.addAttribute("email", address);
      model.addAttribute("emailError", true);
      response.setStatus(400);
      return "sign-in";
    }
    if (!limiter.clientAllowed(request.getRemoteAddr())) {
      response.setStatus(429);
      model.addAttribute("tooMany", true);
      return "sign-in";
    }
    if (limiter.emailAllowed(address)) {
      try {
        registration.requestSignInLink(address);
      } catch (ServiceProblem e) {
        if (e.status() == 429) {
          response.setStatus(429);
          model.addAttribute("tooMany", true);
          return "sign-in";
        }
        // any other refusal looks the same as success: nobody learns who is registered
        log.info("the registration service refused a sign-in link request: {}", e.status());
      }
    }
    return "redirect:/sign-in/sent";
  }

  @GetMapping("/sign-in/sent")
  String sent() {
    return "sign-in-sent";
  }

  @GetMapping("/sign-in/{token}")
  String link(@PathVariable String token, Model model) {
    model.addAttribute("token", token);
    return "sign-in-link";
  }

  @PostMapping("/sign-in/{token}")
  String redeem(
      @PathVariable String token,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    Registration.SignedIn signedIn;
    try {
      signedIn = registration.redeemSignInLink(token);
    } catch (ServiceProblem e) {
      response.setStatus(e.status() == 429 ? 429 : 410);
      model.addAttribute("linkFailed", true);
      return "sign-in";
    }
    String timeZone = "UTC";
    try {
      Registration.Me me = registration.me(signedIn.participantId());
      if (me.profile() != null) {
        timeZone = me.profile().timeZone();
      }
    } catch (RuntimeException e) {
      // the zone only formats dates; signing in does not depend on it
    }
    Participant participant =
        new Participant(
            signedIn.participantId(),
            signedIn.cycleId(),
            signedIn.name(),
            signedIn.language(),
            timeZone);
    // a new session id: whatever id the browser had before signing in is worthless now
    request.getSession(true);
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(
        UsernamePasswordAuthenticationToken.authenticated(
            participant, null, List.of(new SimpleGrantedAuthority("ROLE_PARTICIPANT"))));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
    if (!hasLanguageCookie(request)) {
      Locale language =
          WebConfiguration.supported(
              signedIn.language() == null ? null : Locale.forLanguageTag(signedIn.language()));
      if (language != null) {
        locales.setLocale(request, response, language);
      }
    }
    return "redirect:/home";
  }

  private static boolean hasLanguageCookie(HttpServletRequest request) {
    if (request.getCookies() == null) {
      return false;
    }
    for (var cookie : request.getCookies()) {
      if ("penpals_lang".equals(cookie.getName())) {
        return true;
      }
    }
    return false;
  }
}
