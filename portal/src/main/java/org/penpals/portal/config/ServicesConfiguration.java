package org.penpals.portal.config;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.util.Map;
import org.penpals.portal.services.HttpMatching;
import org.penpals.portal.services.HttpMessaging;
import org.penpals.portal.services.HttpPrompts;
import org.penpals.portal.services.HttpRegistration;
import org.penpals.portal.services.Matching;
import org.penpals.portal.services.Messaging;
import org.penpals.portal.services.ParticipantTokens;
import org.penpals.portal.services.Prompts;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.ServiceCalls;
import org.penpals.portal.signin.SignInLimiter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/** The services the portal calls, and the tokens it calls them with. */
@Configuration(proxyBeanMethods = false)
public class ServicesConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ParticipantTokens participantTokens(PortalProperties properties, Clock clock) {
    PortalProperties.Tokens tokens = properties.tokens();
    return new ParticipantTokens(
        ParticipantTokens.keyPair(tokens.privateKey()), tokens.issuer(), tokens.ttl(), clock);
  }

  @Bean
  ServiceCalls serviceCalls(
      PortalProperties properties, CircuitBreakerRegistry breakers, ParticipantTokens tokens) {
    // the JDK client keeps no cookies and no state between participants' calls
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(properties.calls().connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
    factory.setReadTimeout(properties.calls().readTimeout());
    PortalProperties.Services s = properties.services();
    Map<String, URI> bases =
        Map.of(
            "registration", s.registration(),
            "matching", s.matching(),
            "prompts", s.prompts(),
            "messaging", s.messaging());
    return new ServiceCalls(
        RestClient.builder().requestFactory(factory).build(), bases, breakers, tokens);
  }

  @Bean
  Registration registration(ServiceCalls calls) {
    return new HttpRegistration(calls);
  }

  @Bean
  Prompts prompts(ServiceCalls calls) {
    return new HttpPrompts(calls);
  }

  @Bean
  Messaging messaging(ServiceCalls calls) {
    return new HttpMessaging(calls);
  }

  @Bean
  Matching matching(ServiceCalls calls) {
    return new HttpMatching(calls);
  }

  @Bean
  SignInLimiter signInLimiter(PortalProperties properties) {
    return new SignInLimiter(
        properties.signIn().perClientPerHour(), properties.signIn().perEmailPerHour());
  }
}
