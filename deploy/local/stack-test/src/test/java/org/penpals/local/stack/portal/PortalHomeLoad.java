package org.penpals.local.stack.portal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The documented load command for the home page against a running local stack (not part of the
 * build: the name matches neither *Test nor *IT). The participants are the ones the local inbox
 * shows an introduction to (matched and published, e.g. by {@code ./penpals demo}):
 *
 * <pre>
 * ./penpals up &amp;&amp; ./penpals demo --applicants 120
 * ./mvnw -q -o -pl deploy/local/stack-test test -Dtest=PortalHomeLoad \
 *     -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dportal=http://localhost:8090 -Dinbox=http://localhost:8025 -Dparticipants=50 -Drounds=20
 * </pre>
 *
 * Signing 50 people in needs the sign-in limits lifted (the local stack sets
 * SIGN_IN_LINKS_PER_CLIENT and SIGN_IN_RATE_LIMIT high); otherwise it waits for them.
 */
class PortalHomeLoad {

  @Test
  void measureTheHomePage() {
    String portal = System.getProperty("portal", "http://localhost:8090");
    String inboxUrl = System.getProperty("inbox", "http://localhost:8025");
    int participants = Integer.getInteger("participants", 50);
    int rounds = Integer.getInteger("rounds", 20);
    Set<String> matched = new LinkedHashSet<>();
    for (JsonNode mail : Stack.call("GET", inboxUrl + "/api/messages", null, null).json()) {
      if ("INTRODUCTION".equals(mail.path("kind").asString(""))) {
        mail.path("to").forEach(to -> matched.add(to.asString()));
      }
    }
    if (matched.size() < participants) {
      throw new AssertionError(
          "the inbox shows introductions to "
              + matched.size()
              + " participants, fewer than "
              + participants
              + ": run ./penpals demo first");
    }
    PortalLoad load = new PortalLoad(portal, inboxUrl);
    List<PortalLoad.Session> sessions = new ArrayList<>();
    for (String email : matched.stream().limit(participants).toList()) {
      sessions.add(load.signIn(email, Duration.ofMinutes(5)));
    }
    System.out.println(load.measure(sessions, rounds).table());
  }
}
