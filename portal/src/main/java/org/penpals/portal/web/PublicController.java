package org.penpals.portal.web;

import java.time.Clock;
import java.util.List;
import org.penpals.portal.services.Registration;
import org.penpals.portal.services.ServiceUnavailable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public pages: what the programme is, the open cycle, the privacy notice. */
@Controller
public class PublicController {
  private final Registration registration;
  private final Clock clock;

  public PublicController(Registration registration, Clock clock) {
    this.registration = registration;
    this.clock = clock;
  }

  @GetMapping("/")
  String index(Model model) {
    List<Registration.OpenCycle> open;
    try {
      open = registration.openCycles();
    } catch (ServiceUnavailable e) {
      // the home page still explains the programme; only the cycle's dates are missing
      model.addAttribute("cycleUnknown", true);
      open = List.of();
    }
    model.addAttribute(
        "cycle",
        open.stream()
            .filter(c -> c.registrationClosesAt().isAfter(clock.instant()))
            .findFirst()
            .orElse(null));
    return "index";
  }

  @GetMapping("/privacy")
  String privacy() {
    return "privacy";
  }
}
