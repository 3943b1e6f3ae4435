package org.penpals.gateway.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.config.GatewayProperties;
import org.penpals.gateway.signin.SessionSignIn;
import org.penpals.gateway.signin.StaffSessionFilter;
import org.penpals.gateway.staff.AccountService;
import org.penpals.gateway.staff.StaffAccount;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.gateway.staff.Totp;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.StateConflict;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** One's own account: replace the password, set up the second factor. */
@Controller
class AccountConsoleController {
  private final AccountService service;
  private final StaffAccounts accounts;
  private final SessionSignIn sessions;
  private final StaffSessionFilter sessionFilter;
  private final Clock clock;
  private final String issuer;

  AccountConsoleController(
      AccountService service,
      StaffAccounts accounts,
      SessionSignIn sessions,
      StaffSessionFilter sessionFilter,
      Clock clock,
      GatewayProperties properties) {
    this.service = service;
    this.accounts = accounts;
    this.sessions = sessions;
    this.sessionFilter = sessionFilter;
    this.clock = clock;
    this.issuer = "Penpals";
  }

  @GetMapping("/account")
  String account(Model model) {
    StaffPrincipal me = Staff.current();
    model.addAttribute("active", "account");
    StaffAccount account = accounts.find(me.email()).orElse(null);
    model.addAttribute("account", account);
    return "console/account";
  }

  @GetMapping("/account/password")
  String passwordForm(Model model) {
    model.addAttribute("active", "account");
    return "console/password";
  }

  @PostMapping("/account/password")
  String password(
      @RequestParam(required = false) @Nullable String currentPassword,
      @RequestParam(required = false) @Nullable String newPassword,
      @RequestParam(required = false) @Nullable String repeatPassword,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    AuditFilter.describe(request, "account.password", "email=" + me.email());
    try {
      service.changePassword(me.email(), currentPassword, newPassword, repeatPassword);
    } catch (InvalidInput e) {
      response.setStatus(400);
      model.addAttribute("active", "account");
      model.addAttribute("field", e.violations().get(0).field());
      model.addAttribute("error", e.violations().get(0).message());
      return "console/password";
    }
    sessionFilter.forget(me.email());
    StaffPrincipal renewed =
        new StaffPrincipal(
            me.staffId(),
            me.email(),
            me.displayName(),
            me.role(),
            me.countries(),
            me.method(),
            clock.instant(),
            false);
    sessions.replace(request, response, renewed);
    flash.addFlashAttribute("notice", "Your password has been changed.");
    return "redirect:/console";
  }

  @PostMapping("/account/totp/start")
  String startTotp(HttpServletRequest request, RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    AuditFilter.describe(request, "account.totp.start", "email=" + me.email());
    String secret = service.startTotp(me.email());
    flash.addFlashAttribute("totpSecret", secret);
    flash.addFlashAttribute("totpUri", Totp.uri(issuer, me.email(), secret));
    return "redirect:/account";
  }

  @PostMapping("/account/totp/confirm")
  String confirmTotp(
      @RequestParam(required = false) @Nullable String code,
      HttpServletRequest request,
      RedirectAttributes flash) {
    StaffPrincipal me = Staff.current();
    AuditFilter.describe(request, "account.totp.confirm", "email=" + me.email());
    try {
      service.confirmTotp(me.email(), code);
      flash.addFlashAttribute(
          "notice", "Second factor on: from now on you sign in with a code from your app too.");
    } catch (InvalidInput | StateConflict e) {
      flash.addFlashAttribute("failure", StaffConsoleController.message(e));
    }
    return "redirect:/account";
  }
}
