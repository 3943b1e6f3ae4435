package org.penpals.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.penpals.registration.support.ApplicationFixture.anApplication;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.platform.security.Role;
import org.penpals.platform.testkit.Api;
import org.penpals.platform.testkit.PenpalsIntegrationTest;
import org.penpals.platform.testkit.TestTokens;
import org.penpals.registration.support.CycleFixture;
import org.penpals.registration.support.RegistrationApi;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Capacity and the per-country cap waitlist applicants instead of refusing them. */
@PenpalsIntegrationTest
class AdmissionIT {
  @LocalServerPort int port;
  RegistrationApi api;

  @BeforeEach
  void api() {
    api = new RegistrationApi(port);
  }

  @Test
  void shouldWaitlistApplicantsFromACountryOverItsCap() {
    // capacity 10, 20 % => at most 2 places per country
    String cycle =
        api.openCycle(CycleFixture.aCycle().with("capacity", 10).with("countryCapPercent", 20));

    List<String> australians = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      australians.add(
          api.apply(cycle, anApplication().from("AU")).json().get("admission").asString());
    }
    String bulgarian =
        api.apply(cycle, anApplication().from("BG")).json().get("admission").asString();

    assertThat(australians).containsExactly("ADMITTED", "ADMITTED", "WAITLISTED");
    assertThat(bulgarian).isEqualTo("ADMITTED");
    Api.Response waitlisted =
        api.raw()
            .get(
                RegistrationApi.BASE + "/cycles/" + cycle + "/applications?admission=WAITLISTED",
                TestTokens.staff(Role.VIEWER));
    assertThat(waitlisted.json().get("total").asInt()).isEqualTo(1);
    assertThat(waitlisted.json().get("items").get(0).get("admissionReason").asString())
        .isEqualTo("COUNTRY_CAP");
  }

  @Test
  void shouldNeverAdmitMoreThanTheCapacityUnderConcurrentApplications() throws Exception {
    String cycle = api.openCycle(CycleFixture.aCycle().with("capacity", 5));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Api.Response>> responses = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        String country = i % 2 == 0 ? "FR" : "KE";
        responses.add(pool.submit(() -> api.apply(cycle, anApplication().from(country))));
      }
      List<String> admissions = new ArrayList<>();
      for (Future<Api.Response> response : responses) {
        assertThat(response.get().status()).isEqualTo(201);
        admissions.add(response.get().json().get("admission").asString());
      }
      assertThat(admissions).filteredOn("ADMITTED"::equals).hasSize(5);
      assertThat(admissions).filteredOn("WAITLISTED"::equals).hasSize(15);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void shouldGiveThePlaceBackWhenAnAdmittedParticipantWithdraws() {
    String cycle = api.openCycle(CycleFixture.aCycle().with("capacity", 2));
    String first = api.applied(cycle, anApplication());
    api.applied(cycle, anApplication());
    assertThat(api.apply(cycle, anApplication()).json().get("admission").asString())
        .isEqualTo("WAITLISTED");

    api.raw()
        .post(
            RegistrationApi.BASE + "/participants/me/withdrawal",
            "{}",
            TestTokens.participant(first));

    assertThat(api.apply(cycle, anApplication()).json().get("admission").asString())
        .isEqualTo("ADMITTED");
  }
}
