package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.signin.SignInAttempts;
import org.penpals.gateway.signin.StaffSessionFilter;
import org.penpals.gateway.staff.AccountService;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.gateway.staff.StaffRole;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.NotFound;
import org.penpals.platform.domain.StateConflict;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Staff accounts (administrators only): invite, change role and countries, reset, disable. */
@Controller
class StaffConsoleController {
  private final StaffAccounts accounts;
  private final AccountService service;
  private final SignInAttempts attempts;
  private final StaffSessionFilter sessions;

  StaffConsoleController(
      StaffAccounts accounts,
      AccountService service,
      SignInAttempts attempts,
      StaffSessionFilter sessions) {
    this.accounts = accounts;
    this.service = service;
    this.attempts = attempts;
    this.sessions = sessions;
  }

  @GetMapping("/console/staff")
  String staff(Model model) {
    model.addAttribute("active", "staff");
    model.addAttribute("accounts", accounts.all());
    model.addAttribute("roles", StaffRole.values());
    return "console/staff";
  }

  @PostMapping("/console/staff")
  String invite(
      @RequestParam(required = false) @Nullable String email,
      @RequestParam(required = false) @Nullable String displayName,
      @RequestParam(required = false) @Nullable StaffRole role,
      @RequestParam(required = false) @Nullable String countries,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    AuditFilter.describe(request, "console.staff.create", "email=" + email + " role=" + role);
    try {
      AccountService.Created created =
          service.create(email, displayName, role, split(countries), me.email());
      flash.addFlashAttribute(
          "notice",
          "Account created for "
              + created.account().email()
              + ". Give them this one-time password by a safe channel; it is shown only now.");
      flash.addFlashAttribute("oneTimePassword", created.oneTimePassword());
    } catch (InvalidInput | StateConflict | StaffAccounts.AlreadyExists e) {
      flash.addFlashAttribute("failure", message(e));
    }
    return "redirect:/console/staff";
  }

  @PostMapping("/console/staff/{email}/role")
  String role(
      @PathVariable String email,
      @RequestParam(required = false) @Nullable StaffRole role,
      @RequestParam(required = false) @Nullable String countries,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    AuditFilter.describe(request, "console.staff.role", "email=" + email + " role=" + role);
    change(
        flash,
        email,
        () -> service.setRole(email, role, split(countries), me.email()),
        "Role saved; their sessions ended.");
    return "redirect:/console/staff";
  }

  @PostMapping("/console/staff/{email}/disable")
  String disable(@PathVariable String email, HttpServletRequest request, RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    AuditFilter.describe(request, "console.staff.disable", "email=" + email);
    change(flash, email, () -> service.setDisabled(email, true, me.email()), "Account disabled.");
    return "redirect:/console/staff";
  }

  @PostMapping("/console/staff/{email}/enable")
  String enable(@PathVariable String email, HttpServletRequest request, RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    AuditFilter.describe(request, "console.staff.enable", "email=" + email);
    change(flash, email, () -> service.setDisabled(email, false, me.email()), "Account enabled.");
    return "redirect:/console/staff";
  }

  @PostMapping("/console/staff/{email}/reset-password")
  String reset(@PathVariable String email, HttpServletRequest request, RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    AuditFilter.describe(request, "console.staff.reset-password", "email=" + email);
    try {
      AccountService.Created created = service.resetPassword(email, me.email());
      attempts.unlock(email);
      sessions.forget(email);
      flash.addFlashAttribute(
          "notice",
          "New one-time password for " + email + "; it is shown only now. Their sessions ended.");
      flash.addFlashAttribute("oneTimePassword", created.oneTimePassword());
    } catch (NotFound e) {
      flash.addFlashAttribute("failure", e.getMessage());
    }
    return "redirect:/console/staff";
  }

  @PostMapping("/console/staff/{email}/remove-totp")
  String removeTotp(
      @PathVariable String email, HttpServletRequest request, RedirectAttributes flash) {
    AuditFilter.describe(request, "console.staff.remove-totp", "email=" + email);
    change(
        flash,
        email,
        () -> service.removeTotp(email),
        "Second factor removed; they can set up a new one.");
    return "redirect:/console/staff";
  }

  @PostMapping("/console/staff/{email}/unlock")
  String unlock(@PathVariable String email, HttpServletRequest request, RedirectAttributes flash) {
    AuditFilter.describe(request, "console.staff.unlock", "email=" + email);
    attempts.unlock(email);
    flash.addFlashAttribute("notice", "Sign-in lock lifted for " + email + ".");
    return "redirect:/console/staff";
  }

  private void change(RedirectAttributes flash, String email, Runnable change, String done) {
    try {
      change.run();
      sessions.forget(email);
      flash.addFlashAttribute("notice", done);
    } catch (InvalidInput | StateConflict | NotFound e) {
      flash.addFlashAttribute("failure", message(e));
    }
  }

  static List<String> split(@Nullable String countries) {
    return countries == null
        ? List.of()
        : Arrays.stream(countries.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
  }

  static String message(RuntimeException e) {
    if (e instanceof InvalidInput invalid) {
      return invalid.violations().get(0).field() + " " + invalid.violations().get(0).message();
    }
    return e.getMessage();
  }
}
