package org.penpals.portal.config;

import org.penpals.portal.services.ParticipantTokens;
import org.penpals.portal.signin.Participant;
import org.penpals.portal.web.Notices;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * Sessions (server-side, cookie {@code penpals_portal}), CSRF on every form, and security headers
 * on every answer: a CSP with no inline script or style, never framed, no referrer (sign-in links
 * carry a token), and Spring Security's {@code Cache-Control: no-store} on every page (static files
 * set their own caching).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  /** No inline script or style anywhere; nothing from other origins; never framed. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  SecurityFilterChain portalSecurity(
      HttpSecurity http, SecurityContextRepository contexts, ParticipantTokens tokens)
      throws Exception {
    http.securityContext(c -> c.securityContextRepository(contexts))
        .httpBasic(basic -> basic.disable())
        .formLogin(form -> form.disable())
        .requestCache(cache -> cache.disable())
        .exceptionHandling(
            e -> e.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/sign-in")))
        .logout(
            logout ->
                logout
                    .logoutUrl("/sign-out")
                    .addLogoutHandler(
                        (request, response, authentication) -> {
                          if (authentication != null
                              && authentication.getPrincipal() instanceof Participant p) {
                            tokens.forget(p.id());
                          }
                        })
                    .logoutSuccessHandler(Notices.after("/", Notices.SIGNED_OUT))
                    .invalidateHttpSession(true)
                    .deleteCookies("penpals_portal"))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        referrer ->
                            referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER))
                    .addHeaderWriter(
                        new StaticHeadersWriter(
                            "Permissions-Policy",
                            "camera=(), microphone=(), geolocation=(), interest-cohort=()"))
                    .addHeaderWriter(
                        new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")))
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(
                        "/",
                        "/apply",
                        "/apply/**",
                        "/verify",
                        "/verify/**",
                        "/sign-in",
                        "/sign-in/**",
                        "/privacy",
                        "/css/**",
                        "/js/**",
                        "/favicon.ico",
                        "/error",
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus")
                    .permitAll()
                    .requestMatchers(
                        "/home",
                        "/home/**",
                        "/prompts",
                        "/messages",
                        "/updates",
                        "/updates/**",
                        "/my-data",
                        "/my-data/**")
                    .hasRole("PARTICIPANT")
                    .anyRequest()
                    .denyAll());
    return http.build();
  }
}
