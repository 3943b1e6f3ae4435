package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.SharedInfrastructureInitializer;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.registration.support.CycleFixture;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Without its database the service still starts, says it is not ready and answers 503 problems;
 * when the database appears it becomes ready and works, without a restart.
 */
class MongoOutageIT {
  ConfigurableApplicationContext service;
  MongoServer mongo;

  @AfterEach
  void stop() {
    if (service != null) {
      service.close();
    }
    if (mongo != null) {
      mongo.shutdownNow();
    }
  }

  @Test
  void shouldStartNotReadyWithoutMongoAndRecoverWhenItAppears() throws Exception {
    int mongoPort;
    try (ServerSocket probe = new ServerSocket(0)) {
      mongoPort = probe.getLocalPort();
    }
    Map<String, Object> properties = new HashMap<>(SharedInfrastructureInitializer.properties());
    properties.put("spring.mongodb.uri", "mongodb://127.0.0.1:" + mongoPort + "/outage");
    properties.put("server.port", 0);
    service =
        new SpringApplicationBuilder(RegistrationApplication.class)
            .profiles("test")
            .run(
                properties.entrySet().stream()
                    .map(e -> "--" + e.getKey() + "=" + e.getValue())
                    .toArray(String[]::new));
    int port = ((WebServerApplicationContext) service).getWebServer().getPort();
    Api api = new Api(port);

    // not ready, but alive; requests get a 503 problem, not a 500
    assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    assertThat(api.get("/actuator/health/readiness", null).status()).isEqualTo(503);
    Api.Response create =
        api.post(
            RegistrationApi.BASE + "/cycles",
            CycleFixture.aCycle().json(),
            TestTokens.staff(Role.COORDINATOR));
    assertThat(create.status()).as(create.toString()).isEqualTo(503);
    assertThat(create.isProblem()).isTrue();

    // when the database appears
    mongo = new MongoServer(new MemoryBackend());
    mongo.bind("127.0.0.1", mongoPort);

    // then the service becomes ready by itself and works
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> api.get("/actuator/health/readiness", null).status() == 200);
    RegistrationApi registration = new RegistrationApi(port);
    String cycle = registration.openCycle();
    assertThat(registration.apply(cycle, anApplication()).status()).isEqualTo(201);
  }
}
