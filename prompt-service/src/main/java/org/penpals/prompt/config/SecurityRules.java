package org.penpals.prompt.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.penpals.platform.security.AuthorizationRules;
import org.penpals.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Who may call what. Participants: only {@code /participants/me}. Staff read with any staff role
 * and change the library and schedules with ADMIN or COORDINATOR; only ADMIN moves the demo clock.
 * Anything not named here is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {
  private static final String BASE = "/api/prompts";

  @Bean
  AuthorizationRules promptRules() {
    return rules ->
        rules
            .requestMatchers(BASE + "/participants/me/**")
            .hasRole(Role.PARTICIPANT.name())
            .requestMatchers(POST, BASE + "/clock/advance")
            .hasRole(Role.ADMIN.name())
            .requestMatchers(
                GET,
                BASE + "/clock",
                BASE + "/library",
                BASE + "/library/**",
                BASE + "/cycles/**",
                BASE + "/partnerships/**")
            .hasAnyRole(Role.STAFF)
            .requestMatchers(POST, BASE + "/library")
            .hasAnyRole(Role.STAFF_WRITE)
            .requestMatchers(PUT, BASE + "/library/*", BASE + "/cycles/*/schedule/*")
            .hasAnyRole(Role.STAFF_WRITE)
            .requestMatchers(PUT, BASE + "/cycles/*/settings")
            .hasAnyRole(Role.STAFF_WRITE);
  }
}
