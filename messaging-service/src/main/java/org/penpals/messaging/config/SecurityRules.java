package org.penpals.messaging.config;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.penpals.platform.security.AuthorizationRules;
import org.penpals.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Participants: only their own conversations and partnership. Staff: the mail log (any staff role
 * reads, ADMIN and COORDINATOR resend). Nothing is public; anything not named here is denied.
 */
@Configuration(proxyBeanMethods = false)
class SecurityRules {
  private static final String BASE = "/api/messaging";

  @Bean
  AuthorizationRules messagingRules() {
    return rules ->
        rules
            .requestMatchers(BASE + "/conversations", BASE + "/conversations/**")
            .hasRole(Role.PARTICIPANT.name())
            .requestMatchers(
                GET, BASE + "/participants/me/partnership", BASE + "/participants/me/notices")
            .hasRole(Role.PARTICIPANT.name())
            .requestMatchers(GET, BASE + "/mails", BASE + "/mails/**")
            .hasAnyRole(Role.STAFF)
            .requestMatchers(POST, BASE + "/mails/*/resend")
            .hasAnyRole(Role.STAFF_WRITE);
  }
}
