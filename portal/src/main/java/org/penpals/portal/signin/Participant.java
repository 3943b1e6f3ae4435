package org.penpals.portal.signin;

import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * The signed-in participant, kept in the server-side session. Its id is what every service call is
 * made for; nothing a browser sends can change it.
 */
public record Participant(
    String id, String cycleId, String name, @Nullable String language, String timeZone)
    implements Serializable {}
