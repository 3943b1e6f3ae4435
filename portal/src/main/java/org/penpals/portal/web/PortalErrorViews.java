package org.penpals.portal.web;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.penpals.portal.config.WebConfiguration;
import org.penpals.portal.signin.Participant;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.ModelAndView;

/** Error pages (404, 403, 500 ...) in the reader's language, with the usual header. */
@Component
public class PortalErrorViews implements ErrorViewResolver {
  private final LocaleResolver locales;
  private final Clock clock;

  public PortalErrorViews(LocaleResolver locales, Clock clock) {
    this.locales = locales;
    this.clock = clock;
  }

  @Override
  public ModelAndView resolveErrorView(
      HttpServletRequest request, HttpStatus status, Map<String, Object> model) {
    Locale locale = locales.resolveLocale(request);
    Participant me = PortalAdvice.signedIn();
    Map<String, Object> page = new HashMap<>(model);
    page.put("status", status.value());
    page.put("lang", locale.getLanguage());
    page.put("languages", WebConfiguration.LANGUAGES);
    page.put("me", me);
    page.put("dates", new Dates(locale, Dates.zone(me == null ? null : me.timeZone()), clock));
    page.put("names", new Names(locale));
    return new ModelAndView("error", page, status);
  }
}
