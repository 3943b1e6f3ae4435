package org.penpals.gateway.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.staff.StaffAuthentication;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages: email and password, then — for accounts with a second factor — the code of the
 * authenticator app; links to the organisation's OpenID Connect providers when configured.
 *
 * <p>Whatever goes wrong, the page says the same thing ("check your email and password, or try
 * again later") with the same status: it never tells whether an email has an account, or is locked.
 */
@Controller
public class LoginController {
  static final String PENDING = "penpals.signin.pending";
  static final String PENDING_AT = "penpals.signin.pendingAt";
  static final String REFUSED =
      "Sign-in failed. Check your email address and password, or try again later.";
  static final String THROTTLED =
      "Too many sign-in attempts from your network. Wait a minute and try again.";
  private static final Duration PENDING_TTL = Duration.ofMinutes(5);

  private final SignInService signIn;
  private final SignInRateLimiter limiter;
  private final SessionSignIn sessions;
  private final ObjectProvider<ClientRegistrationRepository> providers;
  private final Clock clock;

  public LoginController(
      SignInService signIn,
      SignInRateLimiter limiter,
      SessionSignIn sessions,
      ObjectProvider<ClientRegistrationRepository> providers,
      Clock clock) {
    this.signIn = signIn;
    this.limiter = limiter;
    this.sessions = sessions;
    this.providers = providers;
    this.clock = clock;
  }

  /** A sign-in provider link. */
  public record Provider(String id, String name) {}

  @GetMapping("/login")
  public String login(
      Model model,
      @RequestParam(required = false) @Nullable String expired,
      @RequestParam(required = false) @Nullable String signedOut,
      @RequestParam(required = false) @Nullable String error) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof StaffAuthentication) {
      return "redirect:/console";
    }
    if (expired != null) {
      model.addAttribute("notice", "Your session has ended. Sign in again.");
    } else if (signedOut != null) {
      model.addAttribute("notice", "You have signed out.");
    }
    if (error != null) {
      model.addAttribute("error", REFUSED);
    }
    model.addAttribute("providers", providers());
    return "login";
  }

  @PostMapping("/login")
  public String password(
      @RequestParam(required = false) @Nullable String email,
      @RequestParam(required = false) @Nullable String password,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String typed = email == null ? "" : email;
    model.addAttribute("email", typed);
    model.addAttribute("providers", providers());
    if (!limiter.tryAcquire(request.getRemoteAddr())) {
      sessions.record(request, "sign-in", SignInService.key(typed), null, 429, "throttled");
      response.setStatus(429);
      model.addAttribute("error", THROTTLED);
      return "login";
    }
    SignInService.Outcome outcome = signIn.password(typed, password);
    if (outcome instanceof SignInService.SignedIn in) {
      sessions.start(request, response, in.principal());
      sessions.record(request, "sign-in", in.principal().email(), in.principal(), 302, "success");
      return in.principal().mustChangePassword()
          ? "redirect:/account/password"
          : "redirect:/console";
    }
    if (outcome instanceof SignInService.SecondFactorNeeded next) {
      HttpSession existing = request.getSession(false);
      if (existing != null) {
        request.changeSessionId();
      }
      HttpSession session = request.getSession(true);
      session.setAttribute(PENDING, next.email());
      session.setAttribute(PENDING_AT, clock.instant());
      return "redirect:/login/code";
    }
    SignInService.Refused refused = (SignInService.Refused) outcome;
    sessions.record(request, "sign-in", refused.email(), null, 401, refused.reason());
    response.setStatus(401);
    model.addAttribute("error", REFUSED);
    return "login";
  }

  @GetMapping("/login/code")
  public String codeForm(HttpServletRequest request) {
    return pending(request) == null ? "redirect:/login" : "login-code";
  }

  @PostMapping("/login/code")
  public String code(
      @RequestParam(required = false) @Nullable String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    String email = pending(request);
    if (email == null) {
      return "redirect:/login?error";
    }
    if (!limiter.tryAcquire(request.getRemoteAddr())) {
      sessions.record(request, "sign-in.code", email, null, 429, "throttled");
      response.setStatus(429);
      model.addAttribute("error", THROTTLED);
      return "login-code";
    }
    SignInService.Outcome outcome = signIn.secondFactor(email, code);
    if (outcome instanceof SignInService.SignedIn in) {
      sessions.start(request, response, in.principal());
      sessions.record(request, "sign-in.code", email, in.principal(), 302, "success");
      return in.principal().mustChangePassword()
          ? "redirect:/account/password"
          : "redirect:/console";
    }
    String reason = outcome instanceof SignInService.Refused r ? r.reason() : "refused";
    sessions.record(request, "sign-in.code", email, null, 401, reason);
    if ("locked".equals(reason)) {
      sessions.end(request);
      response.setStatus(401);
      model.addAttribute("error", REFUSED);
      model.addAttribute("providers", providers());
      return "login";
    }
    response.setStatus(401);
    model.addAttribute("error", "That code did not work. Enter the current code of your app.");
    return "login-code";
  }

  private @Nullable String pending(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session == null) {
      return null;
    }
    Object email = session.getAttribute(PENDING);
    Object at = session.getAttribute(PENDING_AT);
    if (email == null
        || !(at instanceof Instant started)
        || clock.instant().isAfter(started.plus(PENDING_TTL))) {
      return null;
    }
    return email.toString();
  }

  private List<Provider> providers() {
    ClientRegistrationRepository repository = providers.getIfAvailable();
    List<Provider> list = new ArrayList<>();
    if (repository instanceof Iterable<?> registrations) {
      for (Object r : registrations) {
        if (r instanceof ClientRegistration registration) {
          list.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
        }
      }
    }
    return list;
  }
}
