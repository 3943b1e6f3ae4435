package org.penpals.gateway.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.penpals.gateway.GatewayApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The gateway on a random port in front of {@link StubServices}, on the JVM's MongoDB-wire server
 * and test key pair. Every class with this annotation shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    classes = GatewayApplication.class)
@ContextConfiguration(initializers = GatewayTestInfrastructure.class)
@ActiveProfiles("test")
public @interface GatewayIntegrationTest {}
