package org.penpals.messaging.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  @Bean
  OpenAPI messagingApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Penpals messaging service")
                .version("v1")
                .description(
                    "Partner conversations, the partner card and notices (participant token); the"
                        + " programme mail log and announcements to a cycle (staff)."
                        + " Errors are RFC 9457 problem details whose `errors[]` name each"
                        + " offending field.")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")));
  }
}
