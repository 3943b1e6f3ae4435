package org.penpals.portal.web;

import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * Notices a page shows about something the portal just did ("You have signed out.", "Your personal
 * data has been erased."). They travel as flash attributes set by the code that did it, never as a
 * query parameter: a link anyone can send cannot make a page claim what did not happen.
 */
public final class Notices {
  /** The participant signed out (set by the sign-out handler). */
  public static final String SIGNED_OUT = "signedOut";

  /** The participant's data was erased (set by the erasure). */
  public static final String ERASED = "erased";

  private Notices() {}

  /**
   * A sign-out success handler that redirects to {@code target} with the flash attribute {@code
   * notice}. Spring Security's handlers run outside the dispatcher, so the flash map is saved
   * through the same session-based manager the dispatcher reads it back with.
   */
  public static LogoutSuccessHandler after(String target, String notice) {
    SessionFlashMapManager flashMaps = new SessionFlashMapManager();
    return (request, response, authentication) -> {
      FlashMap flash = new FlashMap();
      flash.put(notice, Boolean.TRUE);
      flash.setTargetRequestPath(request.getContextPath() + target);
      flashMaps.saveOutputFlashMap(flash, request, response);
      response.sendRedirect(request.getContextPath() + target);
    };
  }
}
