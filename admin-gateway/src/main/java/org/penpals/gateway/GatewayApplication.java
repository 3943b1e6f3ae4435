package org.penpals.gateway;

import java.util.Arrays;
import org.penpals.gateway.staff.AdminCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The admin gateway: staff sign in here, and every staff request to a service passes through it.
 *
 * <p>{@code java -jar admin-gateway-exec.jar admin create EMAIL} does not start the server: it
 * creates the first administrator in the gateway's database and prints a one-time password.
 *
 * <p>The platform's two auto-configurations are left out on purpose: the gateway has sessions, CSRF
 * and form sign-in (its own security chain) and no Kafka; it takes the platform's tokens, roles,
 * problem details and MongoDB health pieces one by one (ADR 0009).
 */
@SpringBootApplication(
    excludeName = {
      "org.penpals.platform.autoconfigure.PlatformAutoConfiguration",
      "org.penpals.platform.security.SecurityAutoConfiguration"
    })
@ConfigurationPropertiesScan
public class GatewayApplication {
  public static void main(String[] args) {
    if (args.length > 0 && AdminCommand.NAME.equals(args[0])) {
      System.exit(AdminCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out));
    }
    SpringApplication.run(GatewayApplication.class, args);
  }
}
