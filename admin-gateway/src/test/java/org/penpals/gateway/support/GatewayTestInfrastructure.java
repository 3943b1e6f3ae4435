package org.penpals.gateway.support;

import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the gateway at the test JVM's MongoDB-wire server, at the test key pair (the one {@code
 * TestTokens} signs with: the gateway's own) and at the stub services.
 */
public class GatewayTestInfrastructure
    implements ApplicationContextInitializer<ConfigurableApplicationContext> {
  public static final String DATABASE = "penpals-gateway-it";

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    Map<String, Object> properties = new HashMap<>(common(DATABASE));
    StubServices stubs = StubServices.get();
    for (String name : StubServices.NAMES) {
      properties.put("penpals.gateway.services." + name, stubs.url(name));
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(new MapPropertySource("gatewayTestInfrastructure", properties));
  }

  /** Database and keys, shared by every gateway test context. */
  public static Map<String, Object> common(String database) {
    return Map.of(
        "spring.mongodb.uri",
        SharedInfrastructure.mongoAddress() + "/" + database,
        "penpals.gateway.keys.dir",
        keyDirectory().toString());
  }

  public static Path keyDirectory() {
    return Path.of(URI.create(SharedInfrastructure.publicKeyLocation())).getParent();
  }
}
