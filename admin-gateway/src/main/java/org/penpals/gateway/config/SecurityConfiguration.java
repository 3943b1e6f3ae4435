package org.penpals.gateway.config;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.List;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.audit.AuditLog;
import org.penpals.gateway.route.RoutePolicy;
import org.penpals.gateway.signin.OidcSignIn;
import org.penpals.gateway.signin.StaffSessionFilter;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.staff.StaffAuthentication;
import org.penpals.gateway.token.JwksController;
import org.penpals.gateway.token.StaffTokens;
import org.penpals.platform.web.ProblemWriter;
import org.penpals.platform.web.Problems;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * The gateway's own security chain (not the platform's stateless resource-server chain): console
 * sessions from sign-in with CSRF protection, bearer tokens for scripts, the route table for the
 * services' APIs, security headers on every answer.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

  /** No inline script or style anywhere; nothing from other origins; never framed. */
  static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
          + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self';"
          + " form-action 'self'; frame-ancestors 'none'";

  static final String[] STAFF = {"ADMIN", "COORDINATOR", "VIEWER", "AMBASSADOR"};

  @Bean
  SecurityContextRepository securityContextRepository() {
    return new HttpSessionSecurityContextRepository();
  }

  @Bean
  StaffSessionFilter staffSessionFilterComponent(
      StaffAccounts accounts,
      SecurityContextRepository contexts,
      Clock clock,
      GatewayProperties properties) {
    return new StaffSessionFilter(accounts, contexts, clock, properties.signIn().sessionMax());
  }

  @Bean
  org.springframework.boot.web.servlet.FilterRegistrationBean<StaffSessionFilter>
      staffSessionFilterNotInServletChain(StaffSessionFilter filter) {
    var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(filter);
    registration.setEnabled(false); // it runs inside the security chain only
    return registration;
  }

  @Bean
  SecurityFilterChain gatewaySecurity(
      HttpSecurity http,
      RoutePolicy policy,
      JwtDecoder staffTokenDecoder,
      ProblemWriter problems,
      AuditLog audit,
      StaffSessionFilter sessions,
      SecurityContextRepository contexts,
      ObjectProvider<ClientRegistrationRepository> oidcProviders,
      ObjectProvider<OidcSignIn> oidcSignIn)
      throws Exception {
    RequestMatcher api =
        request -> request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    RequestMatcher bearer =
        request -> {
          String header = request.getHeader("Authorization");
          return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
        };
    // an API call that brings no session cookie has nothing a forger could ride on: it is
    // unauthenticated (401), not a CSRF case
    RequestMatcher apiWithoutSession =
        request -> api.matches(request) && request.getRequestedSessionId() == null;
    AuthenticationEntryPoint unauthorized =
        (request, response, e) -> {
          response.setHeader("WWW-Authenticate", "Bearer");
          problems.write(
              request,
              response,
              Problems.problem(
                  HttpStatus.UNAUTHORIZED,
                  "unauthorized",
                  "Unauthorized",
                  "Sign in, or send a valid bearer token.",
                  List.of()));
        };
    AccessDeniedHandler forbidden =
        (request, response, e) ->
            problems.write(
                request,
                response,
                Problems.problem(
                    HttpStatus.FORBIDDEN,
                    "forbidden",
                    "Forbidden",
                    "You are not allowed to do this.",
                    List.of()));
    AccessDeniedHandler consoleForbidden =
        (request, response, e) -> {
          Authentication auth = SecurityContextHolder.getContext().getAuthentication();
          if (auth != null
              && auth.getAuthorities().stream()
                  .anyMatch(a -> StaffAuthentication.PASSWORD_CHANGE.equals(a.getAuthority()))) {
            response.sendRedirect(request.getContextPath() + "/account/password");
            return;
          }
          request.setAttribute("jakarta.servlet.error.status_code", 403);
          response.sendError(403);
        };
    LoginUrlAuthenticationEntryPoint login =
        new LoginUrlAuthenticationEntryPoint("/login") {
          @Override
          protected String determineUrlToUseForThisRequest(
              HttpServletRequest request,
              jakarta.servlet.http.HttpServletResponse response,
              org.springframework.security.core.AuthenticationException exception) {
            return request.getAttribute(StaffSessionFilter.EXPIRED_ATTRIBUTE) != null
                ? "/login?expired"
                : "/login";
          }
        };

    http.securityContext(c -> c.securityContextRepository(contexts))
        .authorizeHttpRequests(
            authorize ->
                authorize
                    .requestMatchers(
                        "/login",
                        "/login/**",
                        "/oauth2/**",
                        "/css/**",
                        "/js/**",
                        "/webjars/**",
                        "/favicon.ico",
                        JwksController.PATH,
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**",
                        "/error")
                    .permitAll()
                    .requestMatchers("/account/password", "/logout")
                    .hasAnyAuthority(
                        StaffAuthentication.PASSWORD_CHANGE,
                        "ROLE_ADMIN",
                        "ROLE_COORDINATOR",
                        "ROLE_VIEWER",
                        "ROLE_AMBASSADOR")
                    .requestMatchers("/api/gateway/accounts/**", "/api/gateway/audit/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/api/gateway/**")
                    .hasAnyRole(STAFF)
                    .requestMatchers("/api/**")
                    .access(new RouteAuthorization(policy))
                    .requestMatchers("/console/staff/**", "/console/audit/**")
                    .hasRole("ADMIN")
                    .requestMatchers("/", "/console", "/console/**", "/account/**")
                    .hasAnyRole(STAFF)
                    .anyRequest()
                    .denyAll())
        .csrf(csrf -> csrf.ignoringRequestMatchers(bearer, apiWithoutSession))
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(
                        jwt ->
                            jwt.decoder(staffTokenDecoder)
                                .jwtAuthenticationConverter(StaffTokens.converter()))
                    .authenticationEntryPoint(unauthorized)
                    .accessDeniedHandler(forbidden))
        .exceptionHandling(
            e ->
                e.defaultAuthenticationEntryPointFor(unauthorized, api)
                    .defaultAuthenticationEntryPointFor(login, AnyRequestMatcher.INSTANCE)
                    .defaultAccessDeniedHandlerFor(forbidden, api)
                    .defaultAccessDeniedHandlerFor(consoleForbidden, AnyRequestMatcher.INSTANCE))
        .formLogin(form -> form.disable())
        .httpBasic(basic -> basic.disable())
        .requestCache(cache -> cache.disable())
        .logout(
            logout ->
                logout
                    .logoutUrl("/logout")
                    .logoutSuccessUrl("/login?signedOut")
                    .invalidateHttpSession(true)
                    .clearAuthentication(true)
                    .deleteCookies("penpals_staff"))
        .sessionManagement(s -> s.sessionFixation(f -> f.changeSessionId()))
        .headers(
            headers ->
                headers
                    .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                    .frameOptions(frame -> frame.deny())
                    .referrerPolicy(
                        r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                    .addHeaderWriter(
                        new StaticHeadersWriter(
                            "Permissions-Policy", "camera=(), microphone=(), geolocation=()"))
                    .addHeaderWriter(
                        new StaticHeadersWriter("Cross-Origin-Opener-Policy", "same-origin")))
        .addFilterAfter(new AuditFilter(audit, policy, problems), SecurityContextHolderFilter.class)
        .addFilterAfter(sessions, AuditFilter.class);
    ClientRegistrationRepository providers = oidcProviders.getIfAvailable();
    OidcSignIn signIn = oidcSignIn.getIfAvailable();
    if (providers != null && signIn != null) {
      http.oauth2Login(
          oauth -> oauth.loginPage("/login").successHandler(signIn).failureHandler(signIn));
    }
    return http.build();
  }
}
