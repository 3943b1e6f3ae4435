package org.penpals.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.penpals.gateway.audit.AuditEntry;
import org.penpals.gateway.audit.AuditLog;
import org.penpals.gateway.support.BearerClient;
import org.penpals.gateway.support.GatewayIntegrationTest;
import org.penpals.gateway.support.StubServices;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The gateway's own API: its OpenAPI document, and RFC 9457 answers to every kind of bad input. */
@GatewayIntegrationTest
class GatewayApiIT {
  @LocalServerPort int port;
  @Autowired AuditLog audit;

  @Test
  void shouldDescribeItsOwnApiAndNothingElse() {
    // when anyone reads the OpenAPI document
    Api.Response docs = new Api(port).get("/v3/api-docs", null);

    // then it lists the gateway's endpoints, not the console's pages
    assertThat(docs.status()).isEqualTo(200);
    JsonNode paths = docs.json().path("paths");
    List<String> names = new ArrayList<>();
    paths.propertyNames().forEach(names::add);
    assertThat(names)
        .contains(
            "/api/gateway/me",
            "/api/gateway/token",
            "/api/gateway/accounts",
            "/api/gateway/audit",
            "/api/gateway/audit/export.csv");
    assertThat(names).allMatch(p -> p.startsWith("/api/gateway/"));
    assertThat(docs.json().path("info").path("title").asString())
        .isEqualTo("Penpals admin gateway");
  }

  @Test
  void shouldAnswerBadInputWithAProblemNamingTheField() {
    Api api = new Api(port);
    String admin = TestTokens.staff(Role.ADMIN);

    List<Api.Response> bad =
        List.of(
            api.post("/api/gateway/accounts", "{\"email\":\"nope\",\"role\":\"VIEWER\"}", admin),
            api.post("/api/gateway/accounts", "{\"email\":\"a@b.org\",\"role\":\"BOSS\"}", admin),
            api.post(
                "/api/gateway/accounts", "{\"email\":\"a@b.org\",\"role\":\"AMBASSADOR\"}", admin),
            api.post("/api/gateway/accounts", "{\"email\":", admin),
            api.get("/api/gateway/audit?size=0", admin),
            api.get("/api/gateway/audit?from=yesterday", admin),
            api.get("/api/gateway/audit?outcome=maybe", admin),
            api.get("/api/gateway/audit?page=x", admin));

    for (Api.Response answer : bad) {
      assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
      assertThat(answer.isProblem()).as(answer.toString()).isTrue();
      assertThat(answer.json().path("detail").asString()).as(answer.toString()).isNotBlank();
    }
    assertThat(bad.get(0).json().path("errors").get(0).path("field").asString()).isEqualTo("email");
  }

  @Test
  void shouldAnswerWhatIsMissingOrForbiddenWithAProblem() {
    Api api = new Api(port);

    Api.Response missingEntry =
        api.get("/api/gateway/audit/no-such-entry", TestTokens.staff(Role.ADMIN));
    Api.Response missingAccount =
        api.put(
            "/api/gateway/accounts/nobody@penpals.test",
            "{\"disabled\":true}",
            TestTokens.staff(Role.ADMIN));
    Api.Response coordinator = api.get("/api/gateway/accounts", TestTokens.staff(Role.COORDINATOR));
    Api.Response nobody = api.get("/api/gateway/me", null);

    assertThat(missingEntry.status()).isEqualTo(404);
    assertThat(missingEntry.isProblem()).isTrue();
    assertThat(missingAccount.status()).isEqualTo(404);
    assertThat(missingAccount.isProblem()).isTrue();
    assertThat(coordinator.status()).isEqualTo(403);
    assertThat(coordinator.isProblem()).isTrue();
    assertThat(nobody.status()).isEqualTo(401);
    assertThat(nobody.isProblem()).isTrue();
  }

  @Test
  void shouldRelayAnAnnouncementWithItsIdempotencyKeyAndBodyUnchanged() {
    // given a coordinator's script and an announcement of about 250 KB (messaging takes 256 KB)
    StubServices.get().reset();
    String markdown = "Dear colleagues, " + "ñ".repeat(40_000);
    String announcement =
        "{\"subject\":\"Week 5\",\"body\":\""
            + markdown
            + "\",\"translations\":{\"es\":{\"subject\":\"Semana 5\",\"body\":\""
            + markdown
            + "\"},\"fr\":{\"subject\":\"Semaine 5\",\"body\":\""
            + markdown
            + "\"}},\"segment\":{\"kind\":\"ALL\"}}";
    assertThat(announcement.getBytes(StandardCharsets.UTF_8).length).isBetween(230_000, 256_000);

    // when it is sent through the gateway with an Idempotency-Key
    BearerClient.Answer answer =
        new BearerClient(port)
            .send(
                "POST",
                "/api/messaging/cycles/c-7/announcements",
                TestTokens.staff(Role.COORDINATOR),
                announcement,
                Map.of("Idempotency-Key", "form-7b2c9e41"));

    // then messaging gets the key and every byte of the body, under the route's own rule
    assertThat(answer.status()).isEqualTo(200);
    StubServices.Received received = StubServices.get().last();
    assertThat(received.path()).isEqualTo("/api/messaging/cycles/c-7/announcements");
    assertThat(received.header("Idempotency-Key")).isEqualTo("form-7b2c9e41");
    assertThat(received.body()).isEqualTo(announcement);
    assertThat(audit.find(answer.auditId()).action()).isEqualTo("messaging.announcement.create");
  }

  @Test
  void shouldAuditAStaffAdmissionWithItsCycle() {
    // given the registration service admits whoever it is asked to
    StubServices.get().reset();
    StubServices.get()
        .reply(
            "POST",
            "/api/registration/cycles/c-8/admissions",
            StubServices.Reply.ok("{\"admitted\":[{\"id\":\"p-1\"}]}"));

    // when a coordinator admits a waitlisted applicant with a script
    BearerClient.Answer answer =
        new BearerClient(port)
            .send(
                "POST",
                "/api/registration/cycles/c-8/admissions",
                TestTokens.staff(Role.COORDINATOR),
                "{\"participantIds\":[\"p-1\"]}",
                Map.of());

    // then the admission is in the audit log: who, which route, which cycle, the outcome (the
    // entry is written before the call is relayed and completed once the answer went out)
    assertThat(answer.status()).isEqualTo(200);
    AuditEntry entry =
        await("the audit entry completed")
            .atMost(Duration.ofSeconds(10))
            .until(() -> audit.find(answer.auditId()), e -> e.status() != 0);
    assertThat(entry.action()).isEqualTo("registration.admissions");
    assertThat(entry.target()).isEqualTo("cycleId=c-8");
    assertThat(entry.method()).isEqualTo("POST");
    assertThat(entry.status()).isEqualTo(200);
    assertThat(entry.outcome()).isEqualTo("success");
    assertThat(entry.staffId()).isEqualTo("staff-coordinator");
    StubServices.get().reset();
  }

  @Test
  void shouldAuditAnAccountCreatedThroughTheApi() {
    // when an administrator creates an account with a script
    Api.Response created =
        new Api(port)
            .post(
                "/api/gateway/accounts",
                "{\"email\":\"Ambassador.BG@penpals.test\",\"role\":\"AMBASSADOR\","
                    + "\"countries\":[\"bg\"]}",
                TestTokens.staff(Role.ADMIN));

    // then it exists with a one-time password, and the audit log says who did it
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
    assertThat(created.json().path("account").path("countries").get(0).asString()).isEqualTo("BG");
    assertThat(created.json().path("oneTimePassword").asString()).isNotBlank();
    List<AuditEntry> entries =
        audit
            .search(
                new org.penpals.gateway.audit.AuditQuery(
                    "staff-admin", "/api/gateway/accounts", null, null, null, 0, 50))
            .items();
    assertThat(entries)
        .anySatisfy(
            e -> {
              assertThat(e.method()).isEqualTo("POST");
              assertThat(e.status()).isEqualTo(201);
              assertThat(e.outcome()).isEqualTo("success");
            });
  }
}
