package org.penpals.messaging.config;

import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import org.penpals.platform.security.AuthorizationRules;
import org.penpals.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Participants: only their own conversations, partnership and notices. Staff: the mail log and
 * announcements (any staff role reads; ADMIN and COORDINATOR resend, announce, preview and cancel).
 * Nothing is public; anything not named here is denied.
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
            .hasAnyRole(Role.STAFF_WRITE)
            .requestMatchers(
                POST, BASE + "/cycles/*/announcements", BASE + "/cycles/*/announcements/preview")
            .hasAnyRole(Role.STAFF_WRITE)
            .requestMatchers(DELETE, BASE + "/cycles/*/announcements/*")
            .hasAnyRole(Role.STAFF_WRITE)
            .requestMatchers(
                GET, BASE + "/cycles/*/announcements", BASE + "/cycles/*/announcements/*")
            .hasAnyRole(Role.STAFF);
  }
}
