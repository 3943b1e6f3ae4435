package org.penpals.portal.web;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.penpals.portal.config.WebConfiguration;
import org.penpals.portal.services.ServiceProblem;
import org.penpals.portal.services.ServiceUnavailable;
import org.penpals.portal.signin.Participant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every page needs (the language, the signed-in participant, dates in their zone) and what a
 * page shows when a service is away or refuses.
 */
@ControllerAdvice
public class PortalAdvice {
  private static final Logger log = LoggerFactory.getLogger(PortalAdvice.class);
  private final Clock clock;

  public PortalAdvice(Clock clock) {
    this.clock = clock;
  }

  public static @Nullable Participant signedIn() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    return auth != null && auth.getPrincipal() instanceof Participant p ? p : null;
  }

  @ModelAttribute
  void common(Model model, Locale locale) {
    Participant me = signedIn();
    model.addAttribute("lang", locale.getLanguage());
    model.addAttribute("languages", WebConfiguration.LANGUAGES);
    model.addAttribute("me", me);
    ZoneId zone = Dates.zone(me == null ? null : me.timeZone());
    model.addAttribute("dates", new Dates(locale, zone, clock));
    model.addAttribute("names", new Names(locale));
  }

  @ExceptionHandler(ServiceUnavailable.class)
  String unavailable(
      ServiceUnavailable e, Model model, HttpServletResponse response, Locale locale) {
    log.warn("service unavailable: {}", e.getMessage());
    common(model, locale);
    model.addAttribute("service", e.service());
    response.setStatus(503);
    response.setHeader("Retry-After", "30");
    return "unavailable";
  }

  @ExceptionHandler(ServiceProblem.class)
  String refused(ServiceProblem e, Model model, HttpServletResponse response, Locale locale) {
    log.info("service refused: {}", e.getMessage());
    common(model, locale);
    int status = e.status() == 401 || e.status() == 403 ? 403 : e.status() == 404 ? 404 : 400;
    model.addAttribute("status", status);
    response.setStatus(status);
    return "error";
  }
}
