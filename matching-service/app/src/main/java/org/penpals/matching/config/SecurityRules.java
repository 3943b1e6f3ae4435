package org.penpals.matching.config;

import static org.springframework.http.HttpMethod.GET;

import org.penpals.platform.security.AuthorizationRules;
import org.penpals.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Participants reach only their own endpoints ({@code /participants/me/**}, the id from their
 * token); staff everything else: any staff role reads, ADMIN and COORDINATOR change. Nothing is
 * public.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {
  @Bean
  AuthorizationRules matchingRules() {
    return rules ->
        rules
            .requestMatchers("/api/matching/participants/me/**")
            .hasRole(Role.PARTICIPANT.name())
            .requestMatchers("/api/matching/participants/**")
            .denyAll()
            .requestMatchers(GET, "/api/matching/**")
            .hasAnyRole(Role.STAFF)
            .requestMatchers("/api/matching/**")
            .hasAnyRole(Role.STAFF_WRITE);
  }
}
