package org.penpals.cli.stack;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One request of a load run, described rather than built, so that the {@link LoadRunner} can send
 * it with whichever client costs the least.
 *
 * @param method {@code GET} or {@code POST}
 * @param uri absolute
 * @param json the body ({@code application/json}), or null for none
 */
public record LoadRequest(String method, URI uri, byte @Nullable [] json) {

  public static LoadRequest get(URI uri) {
    return new LoadRequest("GET", uri, null);
  }

  public static LoadRequest post(URI uri, byte[] json) {
    return new LoadRequest("POST", uri, json);
  }

  /** The same request for the JDK's {@code HttpClient}, for sending one at a time. */
  public HttpRequest toHttpRequest(Duration timeout) {
    byte[] body = json;
    return HttpRequest.newBuilder(uri)
        .timeout(timeout)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, application/problem+json")
        .method(
            method,
            body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body))
        .build();
  }
}
