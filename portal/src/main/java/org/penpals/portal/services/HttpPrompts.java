package org.penpals.portal.services;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;

/** {@link Prompts} over HTTP. */
public class HttpPrompts implements Prompts {
  static final String SERVICE = "prompts";
  private static final String BASE = "/api/prompts/participants/me";

  private final ServiceCalls calls;

  public HttpPrompts(ServiceCalls calls) {
    this.calls = calls;
  }

  @Override
  public Optional<View> mine(String participantId) {
    try {
      return Optional.of(
          calls.read(
              calls.call(SERVICE, HttpMethod.GET, BASE + "/prompts", participantId, null).body(),
              View.class));
    } catch (ServiceProblem e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public void answer(
      String participantId,
      int number,
      @Nullable Boolean connected,
      @Nullable Integer rating,
      @Nullable String comments) {
    Map<String, Object> body = new HashMap<>();
    body.put("week", number);
    if (connected != null) {
      body.put("connected", connected);
    }
    if (rating != null) {
      body.put("rating", rating);
    }
    if (comments != null && !comments.isBlank()) {
      body.put("comments", comments.strip());
    }
    calls.call(SERVICE, HttpMethod.POST, BASE + "/answers", participantId, body);
  }

  @Override
  public Report reportQuiet(String participantId, @Nullable String note) {
    Map<String, Object> body = new HashMap<>();
    if (note != null && !note.isBlank()) {
      body.put("note", note.strip());
    }
    return calls.read(
        calls.call(SERVICE, HttpMethod.POST, BASE + "/report-quiet", participantId, body).body(),
        Report.class);
  }

  @Override
  public Optional<Report> myReport(String participantId) {
    try {
      return Optional.of(
          calls.read(
              calls
                  .call(SERVICE, HttpMethod.GET, BASE + "/report-quiet", participantId, null)
                  .body(),
              Report.class));
    } catch (ServiceProblem e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }
}
