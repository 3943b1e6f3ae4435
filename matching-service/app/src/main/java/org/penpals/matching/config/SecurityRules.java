package org.penpals.matching.config;

import static org.springframework.http.HttpMethod.GET;

import org.penpals.platform.security.AuthorizationRules;
import org.penpals.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Staff only: any staff role reads, ADMIN and COORDINATOR change. Nothing is public. */
@Configuration(proxyBeanMethods = false)
class SecurityRules {
  @Bean
  AuthorizationRules matchingRules() {
    return rules ->
        rules
            .requestMatchers(GET, "/api/matching/**")
            .hasAnyRole(Role.STAFF)
            .requestMatchers("/api/matching/**")
            .hasAnyRole(Role.STAFF_WRITE);
  }
}
