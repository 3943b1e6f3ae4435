package org.penpals.portal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.portal.services.ServiceProblem;
import org.penpals.portal.support.Browser;
import org.penpals.portal.support.FakeServices;
import org.penpals.portal.support.PortalWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application form, step by step, without JavaScript. */
@PortalWebTest
class ApplyTest {
  @LocalServerPort int port;
  @Autowired FakeServices services;
  Browser browser;

  @BeforeEach
  void reset() {
    services.reset();
    browser = new Browser(port);
  }

  static Map<String, Object> step1() {
    Map<String, Object> form = new LinkedHashMap<>();
    form.put("fullName", "Maria Petrova");
    form.put("email", "maria@example.org");
    form.put("countryCode", "BG");
    form.put("city", "Plovdiv");
    form.put("organisation", "Ivan Vazov Public Library");
    form.put("sector", "PUBLIC");
    form.put("role", "Reference librarian");
    form.put("yearsInProfession", "7");
    return form;
  }

  private Browser.Page fillAll() {
    browser.open("/apply");
    browser.submit("/apply/1", step1());
    browser.submit(
        "/apply/2",
        Map.of(
            "lang0", "bg",
            "lang1", "en",
            "corr1", "true",
            "interests", List.of("open-access", "advocacy"),
            "hopes", "Learn from others"));
    browser.submit(
        "/apply/3",
        Map.of(
            "timeZone", "Europe/Sofia",
            "sectorPreference", "SAME",
            "avoidCountries", List.of("RO"),
            "returning", "no",
            "locale", "es"));
    return browser.submit(
        "/apply/4", Map.of("privacyNotice", "true", "shareContactWithPartner", "true"));
  }

  @Test
  void shouldSendEveryFieldAndConfirm() {
    Browser.Page done = fillAll();

    assertThat(done.html().select("h1").text()).isEqualTo("Thank you! Now check your email");
    assertThat(done.body()).contains("maria@example.org");
    assertThat(services.applied).hasSize(1);
    Map<String, Object> sent = services.applied.get(0);
    assertThat(sent)
        .containsEntry("fullName", "Maria Petrova")
        .containsEntry("email", "maria@example.org")
        .containsEntry("countryCode", "BG")
        .containsEntry("sector", "PUBLIC")
        .containsEntry("yearsInProfession", 7)
        .containsEntry("timeZone", "Europe/Sofia")
        .containsEntry("returning", false)
        .containsEntry("locale", "es")
        .containsEntry("interests", List.of("open-access", "advocacy"))
        .containsEntry(
            "languages",
            List.of(
                Map.of("code", "bg", "correspondence", false),
                Map.of("code", "en", "correspondence", true)))
        .containsEntry("preferences", Map.of("sector", "SAME", "avoidCountries", List.of("RO")))
        .containsEntry("consent", Map.of("privacyNotice", true, "shareContactWithPartner", true));
  }

  @Test
  void shouldSayWaitlistedOnlyWhenRegistrationWaitlistedTheApplication() {
    String waitlisted = "so you are on the waiting list";
    assertThat(fillAll().body()).doesNotContain(waitlisted);

    services.applyAdmission = "WAITLISTED";
    Browser.Page done = fillAll();

    assertThat(done.html().select("main .notice").text())
        .isEqualTo(
            "There is no place for you in this cycle for now, so you are on the waiting list. If"
                + " you are given a place, we will tell you by email.");
  }

  @Test
  void shouldStopAtAStepWithMissingAnswers() {
    browser.open("/apply/1");
    Map<String, Object> form = step1();
    form.remove("city");
    form.put("yearsInProfession", "seven");

    Browser.Page page = browser.submit("/apply/1", form);

    Document html = page.html();
    assertThat(html.select("form h2").first().text()).startsWith("About you");
    assertThat(html.select("#errors li a").eachAttr("href"))
        .containsExactly("#city", "#yearsInProfession");
    assertThat(html.select("#city").attr("aria-invalid")).isEqualTo("true");
    assertThat(html.select("#city-error").text()).startsWith("Enter your city");
    assertThat(html.select("#fullName").attr("value")).isEqualTo("Maria Petrova");
  }

  @Test
  void shouldShowTheServicesFieldProblemsOnTheirSteps() {
    // given a service that refuses the second language and the email
    services.applyProblem =
        new ServiceProblem(
            400,
            "invalid-input",
            "languages[1].code: must be an ISO 639-1 code",
            List.of(
                new ServiceProblem.FieldError("languages[1].code", "must be an ISO 639-1 code"),
                new ServiceProblem.FieldError("timeZone", "must be an IANA time zone")));

    // when the application is sent
    Browser.Page page = fillAll();

    // then the first step with a problem shows it next to the field
    Document step2 = page.html();
    assertThat(step2.select("form h2").first().text()).startsWith("Languages and interests");
    assertThat(step2.select("#lang1-error").text()).startsWith("Choose a valid language");
    // and the later step keeps its own
    Document step3 = browser.open("/apply/3").html();
    assertThat(step3.select("#timeZone-error").text()).isEqualTo("Choose your time zone.");
  }

  @Test
  void shouldSayWhenTheEmailAlreadyApplied() {
    services.applyProblem =
        new ServiceProblem(
            409,
            "conflict",
            "this email has already applied to this cycle",
            List.of(new ServiceProblem.FieldError("email", "this email has already applied")));

    Browser.Page page = fillAll();

    assertThat(page.html().select("#email-error").text()).contains("already applied");
  }

  @Test
  void shouldOfferEveryPickerWithoutJavaScript() {
    browser.open("/apply/1");
    Document step1 = browser.open("/apply/1").html();
    assertThat(step1.select("#countryCode option[value=BG]").text()).isEqualTo("Bulgaria");
    assertThat(step1.select("#sector option")).hasSizeGreaterThan(1);

    Document step3 = browser.open("/apply/3").html();
    assertThat(step3.select("#timeZone option[value=Europe/Sofia]")).hasSize(1);
    assertThat(step3.select("#timeZone[data-detect-zone]")).hasSize(1);

    Document french = browser.open("/apply/1?lang=fr").html();
    assertThat(french.select("#countryCode option[value=DE]").text()).isEqualTo("Allemagne");
  }

  @Test
  void shouldSayWhenNoCycleIsOpen() {
    services.cycles.clear();

    Browser.Page page = browser.open("/apply/1");

    assertThat(page.body()).contains("No cycle is open for applications right now.");
    assertThat(FakeServices.ALICE).isNotEmpty();
  }
}
