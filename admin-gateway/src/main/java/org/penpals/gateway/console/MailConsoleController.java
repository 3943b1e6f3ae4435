package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.staff.StaffPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mail log and failed mail, from the messaging service when it answers. */
@Controller
class MailConsoleController {
  private final Services services;

  MailConsoleController(Services services) {
    this.services = services;
  }

  @GetMapping("/console/mail")
  String mail(Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "mail");
    services
        .optional(model, "Mail log", () -> services.get(me, "/api/messaging/mails"))
        .ifPresent(m -> model.addAttribute("mails", Table.of(m, 7)));
    services
        .optional(model, "Failed mail", () -> services.get(me, "/api/messaging/mails/failures"))
        .ifPresent(m -> model.addAttribute("failures", Table.of(m, 7)));
    return "console/mail";
  }

  @PostMapping("/console/mail/{mailId}/resend")
  String resend(@PathVariable String mailId, HttpServletRequest request, RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    Staff.requireWriter(me);
    AuditFilter.describe(request, "console.mail.resend", "mailId=" + mailId);
    Flash.attempt(
        flash,
        () -> services.post(me, "/api/messaging/mails/" + Services.enc(mailId) + "/resend", null),
        "Mail queued again.");
    return "redirect:/console/mail";
  }
}
