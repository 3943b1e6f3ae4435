package org.penpals.registration.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.penpals.platform.security.AuthorizationRules;
import org.penpals.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call what. Public: the form's vocabularies, open cycles, applying, verification, sign-in
 * links. Participants: only {@code /participants/me}. Staff read with any staff role and change
 * with ADMIN or COORDINATOR. Anything not named here is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {
  private static final String BASE = "/api/registration";

  @Bean
  AuthorizationRules registrationRules() {
    return rules ->
        rules
            .requestMatchers(GET, BASE + "/taxonomy", BASE + "/cycles/open")
            .permitAll()
            .requestMatchers(
                POST,
                BASE + "/cycles/*/applications",
                BASE + "/verifications",
                BASE + "/verifications/resend",
                BASE + "/sign-in-links",
                BASE + "/sign-in-links/redemptions")
            .permitAll()
            .requestMatchers(BASE + "/participants/me", BASE + "/participants/me/**")
            .hasRole(Role.PARTICIPANT.name())
            .requestMatchers(GET, BASE + "/cycles", BASE + "/cycles/**", BASE + "/applications/**")
            .hasAnyRole(Role.STAFF)
            .requestMatchers(
                POST,
                BASE + "/cycles",
                BASE + "/cycles/*/open",
                BASE + "/cycles/*/close",
                BASE + "/cycles/*/archive",
                BASE + "/cycles/*/admissions",
                BASE + "/cycles/*/imports")
            .hasAnyRole(Role.STAFF_WRITE)
            .requestMatchers(PUT, BASE + "/cycles/*")
            .hasAnyRole(Role.STAFF_WRITE);
  }
}
