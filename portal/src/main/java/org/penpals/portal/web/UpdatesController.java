package org.penpals.portal.web;

import java.util.List;
import org.penpals.portal.services.Messaging;
import org.penpals.portal.signin.Participant;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * A participant's updates: every notice the messaging service made for them (life events and
 * announcements), newest first, each with an excerpt; and one notice in full. The notices are
 * always the session's participant's own, as messaging answers them.
 */
@Controller
public class UpdatesController {
  private final Messaging messaging;

  public UpdatesController(Messaging messaging) {
    this.messaging = messaging;
  }

  @GetMapping("/updates")
  String all(@AuthenticationPrincipal Participant me, Model model) {
    model.addAttribute("updates", updates(me));
    return "updates";
  }

  @GetMapping("/updates/{key}")
  String one(@AuthenticationPrincipal Participant me, @PathVariable String key, Model model) {
    Update update =
        updates(me).stream()
            .filter(u -> u.key().equals(key))
            .findFirst()
            .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    model.addAttribute("update", update);
    return "update";
  }

  private List<Update> updates(Participant me) {
    return messaging.notices(me.id()).stream().map(Update::of).toList();
  }
}
