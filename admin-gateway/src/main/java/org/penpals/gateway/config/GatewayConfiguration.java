package org.penpals.gateway.config;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoDatabase;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.penpals.gateway.audit.AuditLog;
import org.penpals.gateway.route.AmbassadorScope;
import org.penpals.gateway.route.GatewayRoutes;
import org.penpals.gateway.route.ProxyFilters;
import org.penpals.gateway.route.RoutePolicy;
import org.penpals.gateway.route.ServiceClient;
import org.penpals.gateway.route.ServiceDirectory;
import org.penpals.gateway.signin.SignInAttempts;
import org.penpals.gateway.signin.SignInRateLimiter;
import org.penpals.gateway.signin.SignInService;
import org.penpals.gateway.staff.AccountService;
import org.penpals.gateway.staff.Passwords;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.token.KeyRing;
import org.penpals.gateway.token.StaffTokens;
import org.penpals.gateway.token.TokenMinter;
import org.penpals.platform.mongo.IndexSpec;
import org.penpals.platform.mongo.MongoIndexes;
import org.penpals.platform.mongo.MongoPingHealthIndicator;
import org.penpals.platform.mongo.MongoTimeouts;
import org.penpals.platform.web.ProblemWriter;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.MongoProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.cloud.gateway.server.mvc.filter.FormFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.web.client.RestClient;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's parts, wired: database, keys, accounts, sign-in, audit, routes. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MongoTimeouts.class)
@EnableScheduling
public class GatewayConfiguration {

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  ProblemWriter problemWriter(JsonMapper json) {
    return new ProblemWriter(json);
  }

  // ------------------------------------------------------------------ MongoDB

  @Bean
  MongoClientSettingsBuilderCustomizer penpalsMongoTimeouts(MongoTimeouts timeouts) {
    return settings ->
        settings
            .applyToClusterSettings(
                c ->
                    c.serverSelectionTimeout(
                        timeouts.serverSelectionTimeout().toMillis(), TimeUnit.MILLISECONDS))
            .applyToSocketSettings(
                s ->
                    s.connectTimeout(
                        (int) timeouts.connectTimeout().toMillis(), TimeUnit.MILLISECONDS));
  }

  @Bean
  MongoDatabase mongoDatabase(MongoClient client, MongoProperties properties) {
    return client.getDatabase(properties.getMongoClientDatabase());
  }

  @Bean
  MongoPingHealthIndicator mongoPingHealthIndicator(MongoDatabase database) {
    return new MongoPingHealthIndicator(database);
  }

  @Bean
  MongoIndexes mongoIndexes(MongoDatabase database) {
    List<IndexSpec> indexes = new ArrayList<>(AuditLog.indexes());
    return new MongoIndexes(database, indexes);
  }

  // ------------------------------------------------------------------ tokens

  @Bean
  KeyRing keyRing(GatewayProperties properties) {
    String dir = properties.keys().dir();
    return new KeyRing(Path.of(dir == null || dir.isBlank() ? ".penpals/keys" : dir));
  }

  @Bean
  TokenMinter tokenMinter(KeyRing keys, GatewayProperties properties, Clock clock) {
    return new TokenMinter(
        keys, properties.keys().issuer(), properties.keys().serviceTokenTtl(), clock);
  }

  @Bean
  JwtDecoder staffTokenDecoder(KeyRing keys, GatewayProperties properties) {
    return StaffTokens.decoder(keys, properties.keys().issuer(), Duration.ofSeconds(30));
  }

  @Bean
  KeyReload keyReload(KeyRing keys) {
    return new KeyReload(keys);
  }

  /** Picks up rotated keys. */
  static final class KeyReload {
    private final KeyRing keys;

    KeyReload(KeyRing keys) {
      this.keys = keys;
    }

    @Scheduled(fixedDelayString = "${penpals.gateway.keys.reload-interval:30s}")
    void reload() {
      keys.reloadIfChanged();
    }
  }

  // ------------------------------------------------------------------ accounts and sign-in

  @Bean
  PasswordEncoder passwordEncoder() {
    return Passwords.encoder();
  }

  @Bean
  StaffAccounts staffAccounts(MongoDatabase database) {
    return new StaffAccounts(database);
  }

  @Bean
  AccountService accountService(
      StaffAccounts accounts, PasswordEncoder encoder, Clock clock, GatewayProperties properties) {
    return new AccountService(accounts, encoder, clock, properties.signIn().oneTimePasswordTtl());
  }

  @Bean
  SignInAttempts signInAttempts(MongoDatabase database, GatewayProperties properties) {
    return new SignInAttempts(
        database, properties.signIn().maxFailures(), properties.signIn().lockout());
  }

  @Bean
  SignInService signInService(
      StaffAccounts accounts, SignInAttempts attempts, PasswordEncoder encoder, Clock clock) {
    return new SignInService(accounts, attempts, encoder, clock);
  }

  @Bean
  SignInRateLimiter signInRateLimiter(GatewayProperties properties) {
    return new SignInRateLimiter(properties.signIn().attemptsPerMinute());
  }

  @Bean
  AttemptsCleanup attemptsCleanup(SignInAttempts attempts, Clock clock) {
    return new AttemptsCleanup(attempts, clock);
  }

  /** Forgets day-old failures of emails that are not locked. */
  static final class AttemptsCleanup {
    private final SignInAttempts attempts;
    private final Clock clock;

    AttemptsCleanup(SignInAttempts attempts, Clock clock) {
      this.attempts = attempts;
      this.clock = clock;
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "5m")
    void cleanup() {
      try {
        attempts.forgetBefore(clock.instant().minus(Duration.ofDays(1)), clock.instant());
      } catch (RuntimeException e) {
        // the database is away; next time
      }
    }
  }

  // ------------------------------------------------------------------ audit

  @Bean
  AuditLog auditLog(MongoDatabase database, Clock clock) {
    return new AuditLog(database, clock);
  }

  // ------------------------------------------------------------------ routes

  @Bean
  ServiceDirectory serviceDirectory(GatewayProperties properties) {
    return new ServiceDirectory(properties);
  }

  @Bean
  RoutePolicy routePolicy(ServiceDirectory directory) {
    return RoutePolicy.standard(directory.all().keySet());
  }

  @Bean
  ServiceClient serviceClient(
      ServiceDirectory directory,
      RestClient.Builder builder,
      TokenMinter minter,
      RoutePolicy policy,
      JsonMapper json) {
    JdkClientHttpRequestFactory factory =
        new JdkClientHttpRequestFactory(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
    factory.setReadTimeout(Duration.ofSeconds(30));
    return new ServiceClient(
        directory, builder.clone().requestFactory(factory).build(), minter, policy, json);
  }

  @Bean
  AmbassadorScope ambassadorScope(ServiceClient services) {
    return new AmbassadorScope(services);
  }

  @Bean
  ProxyFilters proxyFilters(TokenMinter minter, RoutePolicy policy, AmbassadorScope scope) {
    return new ProxyFilters(minter, policy, scope);
  }

  /**
   * Spring Cloud Gateway's form filter rebuilds form bodies for relaying, and in doing so hides
   * form fields from everything after it: proxied routes only, never the console's forms.
   */
  @Bean
  FilterRegistrationBean<FormFilter> proxyFormFilter() {
    FilterRegistrationBean<FormFilter> registration =
        new FilterRegistrationBean<>(new FormFilter());
    registration.addUrlPatterns("/api/*");
    registration.setOrder(FormFilter.FORM_FILTER_ORDER);
    return registration;
  }

  @Bean
  RouterFunction<ServerResponse> serviceRoutes(ServiceDirectory directory, ProxyFilters filters) {
    return GatewayRoutes.of(directory, filters);
  }
}
