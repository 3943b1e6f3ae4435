package org.penpals.cli.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.penpals.cli.CommandFailed;
import org.penpals.cli.demo.InboxCheck;

/** The local SMTP server's inbox: {@code GET <inbox>/api/messages}, counted by mail kind. */
public final class InboxClient {
  private final URI messages;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public InboxClient(String inboxUrl) {
    this.messages =
        URI.create((inboxUrl.endsWith("/") ? inboxUrl : inboxUrl + "/") + "api/messages");
  }

  /** Every mail the inbox holds, by its {@code X-Penpals-Mail-Kind}. */
  public Map<String, Integer> countByKind() {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(messages).timeout(Duration.ofSeconds(60)).GET().build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      if (response.statusCode() != 200) {
        throw new CommandFailed(
            "the local inbox answered HTTP " + response.statusCode() + " at " + messages);
      }
      return InboxCheck.countByKind(response.body());
    } catch (IOException e) {
      throw new CommandFailed("cannot read the local inbox at " + messages + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CommandFailed("interrupted", e);
    }
  }
}
