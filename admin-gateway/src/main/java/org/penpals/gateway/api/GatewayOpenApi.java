package org.penpals.gateway.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's own API at {@code /v3/api-docs} ({@code springdoc.paths-to-match} keeps it to
 * {@code /api/gateway/**}); the relayed {@code /api/<service>/**} routes are described by each
 * service's document.
 */
@Configuration(proxyBeanMethods = false)
class GatewayOpenApi {
  @Bean
  OpenAPI gatewayApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Penpals admin gateway")
                .version("v1")
                .description(
                    "Staff identity, API tokens for scripts, staff accounts and the audit log."
                        + " The gateway also relays /api/{registration,matching,prompts,messaging}/**"
                        + " to the services (see their documents) after checking the caller's role"
                        + " against its route table. Send the console session cookie with the"
                        + " X-CSRF-TOKEN header, or a bearer token from POST /api/gateway/token."
                        + " Errors are RFC 9457 problem details (application/problem+json).")
                .license(new License().name("Apache-2.0")))
        .components(
            new Components()
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT"))
                .addSecuritySchemes(
                    "session",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.COOKIE)
                        .name("penpals_staff")))
        .addSecurityItem(new SecurityRequirement().addList("bearer"))
        .addSecurityItem(new SecurityRequirement().addList("session"));
  }
}
