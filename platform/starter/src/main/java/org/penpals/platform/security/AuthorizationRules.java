package org.penpals.platform.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/**
 * A service's URL authorization rules. The platform adds the public operational endpoints first and
 * denies everything no rule names last.
 */
@FunctionalInterface
public interface AuthorizationRules {
  void configure(
      AuthorizeHttpRequestsConfigurer<
                  org.springframework.security.config.annotation.web.builders.HttpSecurity>
              .AuthorizationManagerRequestMatcherRegistry
          rules);
}
