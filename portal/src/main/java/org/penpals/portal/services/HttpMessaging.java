package org.penpals.portal.services;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** {@link Messaging} over HTTP. */
public class HttpMessaging implements Messaging {
  static final String SERVICE = "messaging";
  private static final String BASE = "/api/messaging";

  private final ServiceCalls calls;

  public HttpMessaging(ServiceCalls calls) {
    this.calls = calls;
  }

  @Override
  public Optional<Partnership> partnership(String participantId) {
    try {
      return Optional.of(
          calls.read(
              calls
                  .call(
                      SERVICE,
                      HttpMethod.GET,
                      BASE + "/participants/me/partnership",
                      participantId,
                      null)
                  .body(),
              Partnership.class));
    } catch (ServiceProblem e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public List<Message> messages(String participantId, String partnershipId) {
    JsonNode body =
        calls.call(SERVICE, HttpMethod.GET, path(partnershipId), participantId, null).body();
    List<Message> messages = new ArrayList<>();
    body.forEach(node -> messages.add(calls.read(node, Message.class)));
    return messages;
  }

  @Override
  public Message post(String participantId, String partnershipId, String text) {
    return calls.read(
        calls
            .call(
                SERVICE, HttpMethod.POST, path(partnershipId), participantId, Map.of("text", text))
            .body(),
        Message.class);
  }

  @Override
  public List<Notice> notices(String participantId) {
    JsonNode body =
        calls
            .call(SERVICE, HttpMethod.GET, BASE + "/participants/me/notices", participantId, null)
            .body();
    List<Notice> notices = new ArrayList<>();
    body.forEach(node -> notices.add(calls.read(node, Notice.class)));
    return notices;
  }

  @Override
  public JsonNode threads(String participantId) {
    JsonNode threads =
        calls.call(SERVICE, HttpMethod.GET, BASE + "/conversations", participantId, null).body();
    ArrayNode out = ServiceCalls.JSON.createArrayNode();
    for (JsonNode thread : threads) {
      ObjectNode copy =
          thread.isObject() ? (ObjectNode) thread.deepCopy() : ServiceCalls.JSON.createObjectNode();
      String id = thread.path("partnershipId").asString("");
      if (!id.isEmpty()) {
        copy.set(
            "messages", calls.call(SERVICE, HttpMethod.GET, path(id), participantId, null).body());
      }
      out.add(copy);
    }
    return out;
  }

  private static String path(String partnershipId) {
    return BASE + "/conversations/" + HttpRegistration.enc(partnershipId) + "/messages";
  }
}
