package org.penpals.platform.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The participant a request acts for: the subject of a PARTICIPANT token. Participant endpoints
 * take the id from here, never from the URL, so nobody can reach another participant's data by
 * changing an id.
 */
public final class CurrentParticipant {
  private CurrentParticipant() {}

  public static String id() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof JwtAuthenticationToken jwt
        && jwt.getAuthorities().stream()
            .anyMatch(a -> Role.PARTICIPANT.authority().equals(a.getAuthority()))) {
      return jwt.getToken().getSubject();
    }
    throw new AccessDeniedException("not a participant");
  }
}
