package org.penpals.gateway.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class QuietReportsTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Map<String, String> NAMES = Map.of("p-2", "Ivan Petrov");
  private final Words words = new Words();

  @Test
  void shouldSayWhatBecameOfEveryKindOfReminder() {
    assertThat(
            reminder(
                "{\"status\":\"QUEUED\",\"requestedAt\":\"2027-04-01T10:00:00Z\",\"reminded\":[\"p-2\"]}"))
        .isEqualTo("on its way to Ivan Petrov (asked 1 Apr 2027, 10:00 UTC)");
    assertThat(
            reminder(
                "{\"status\":\"SENT\",\"sentAt\":\"2027-04-01T10:05:00Z\",\"reminded\":[\"p-2\"]}"))
        .isEqualTo("sent 1 Apr 2027, 10:05 UTC to Ivan Petrov");
    assertThat(
            reminder(
                "{\"status\":\"FAILED\",\"failedAt\":\"2027-04-02T10:00:00Z\",\"reminded\":[\"p-2\"],"
                    + "\"mails\":[{\"status\":\"FAILED\",\"reason\":\"mailbox unavailable\"}]}"))
        .isEqualTo("failed 2 Apr 2027, 10:00 UTC to Ivan Petrov (mailbox unavailable)");
    assertThat(
            reminder(
                "{\"status\":\"NOT_SENT_RECENTLY\",\"previousReminderAt\":\"2027-03-30T08:00:00Z\","
                    + "\"reminded\":[]}"))
        .isEqualTo("not sent: reminded on 30 Mar 2027, 08:00 UTC (at most one a week)");
    assertThat(QuietReports.reminder(JSON.missingNode(), NAMES, words))
        .isEqualTo("none (reported before reminders were sent)");
  }

  @Test
  void shouldSayHowEveryReportEnded() {
    String dates =
        ",\"answerBy\":\"2027-04-08T10:00:00Z\",\"resolvedAt\":\"2027-04-06T09:00:00Z\"}";
    assertThat(outcome("{\"status\":\"OPEN\"" + dates))
        .isEqualTo("open until 8 Apr 2027, 10:00 UTC");
    assertThat(outcome("{\"status\":\"RESOLVED\"" + dates))
        .isEqualTo("resolved 6 Apr 2027, 09:00 UTC: the partner answered or wrote");
    assertThat(outcome("{\"status\":\"FLAGGED\"" + dates))
        .isEqualTo(
            "flagged 6 Apr 2027, 09:00 UTC: no answer by 8 Apr 2027, 10:00 UTC; may ask for a new"
                + " partner");
    assertThat(outcome("{\"status\":\"CLOSED\"" + dates))
        .isEqualTo("closed 6 Apr 2027, 09:00 UTC: the partnership ended");
  }

  @Test
  void shouldOfferADecisionOnlyWhileARequestAwaitsApproval() {
    JsonNode awaiting =
        JSON.readTree(
            "{\"requestId\":\"np-1\",\"participantId\":\"p-1\",\"fullName\":\"Ana\","
                + "\"quietMembers\":[{\"participantId\":\"p-2\",\"fullName\":\"Ivan\"}],"
                + "\"status\":\"AWAITING_APPROVAL\",\"requestedAt\":\"2027-04-08T11:00:00Z\","
                + "\"decidedAt\":null,\"decidedBy\":null,\"note\":null}");
    JsonNode declined =
        JSON.readTree(
            "{\"requestId\":\"np-2\",\"participantId\":\"p-1\",\"fullName\":\"Ana\","
                + "\"quietMembers\":[],\"status\":\"DECLINED\","
                + "\"requestedAt\":\"2027-04-08T11:00:00Z\",\"decidedAt\":\"2027-04-09T11:00:00Z\","
                + "\"decidedBy\":\"st-1\",\"note\":\"talked\"}");

    QuietReports.Request open = QuietReports.request(awaiting, Map.of(), words);
    QuietReports.Request closed = QuietReports.request(declined, Map.of("st-1", "Cora"), words);

    assertThat(open.decidable()).isTrue();
    assertThat(open.status()).isEqualTo("Awaiting approval");
    assertThat(open.quietMembers()).containsExactly("Ivan");
    assertThat(open.decided()).isEmpty();
    assertThat(closed.decidable()).isFalse();
    assertThat(closed.status()).isEqualTo("Declined");
    assertThat(closed.decided()).isEqualTo("9 Apr 2027, 11:00 UTC by Cora");
    assertThat(closed.note()).isEqualTo("talked");
  }

  private String reminder(String json) {
    return QuietReports.reminder(JSON.readTree(json), NAMES, words);
  }

  private String outcome(String json) {
    return QuietReports.outcome(JSON.readTree(json), words);
  }
}
