package org.penpals.portal.config;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal's languages: English, Spanish and French. {@code ?lang=xx} switches and is remembered
 * in the {@code penpals_lang} cookie; without one, the browser's preferred supported language; else
 * English.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration implements WebMvcConfigurer {
  public static final List<Locale> LANGUAGES =
      List.of(Locale.ENGLISH, Locale.forLanguageTag("es"), Locale.FRENCH);

  /** One of the supported languages, or null. */
  public static @Nullable Locale supported(@Nullable Locale locale) {
    if (locale == null) {
      return null;
    }
    for (Locale l : LANGUAGES) {
      if (l.getLanguage().equals(locale.getLanguage())) {
        return l;
      }
    }
    return null;
  }

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver =
        new CookieLocaleResolver("penpals_lang") {
          @Override
          public void setLocale(
              HttpServletRequest request,
              @Nullable HttpServletResponse response,
              @Nullable Locale locale) {
            Locale chosen = supported(locale);
            if (chosen != null) {
              super.setLocale(request, response, chosen);
            }
          }

          @Override
          public Locale resolveLocale(HttpServletRequest request) {
            Locale resolved = supported(super.resolveLocale(request));
            return resolved == null ? Locale.ENGLISH : resolved;
          }
        };
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setCookieHttpOnly(true);
    resolver.setCookieSameSite("Lax");
    resolver.setDefaultLocaleFunction(
        request -> {
          for (Locale wanted : Collections.list(request.getLocales())) {
            Locale chosen = supported(wanted);
            if (chosen != null) {
              return chosen;
            }
          }
          return Locale.ENGLISH;
        });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }
}
