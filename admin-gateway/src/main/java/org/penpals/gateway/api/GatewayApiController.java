package org.penpals.gateway.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.audit.AuditEntry;
import org.penpals.gateway.audit.AuditFilter;
import org.penpals.gateway.audit.AuditLog;
import org.penpals.gateway.audit.AuditQuery;
import org.penpals.gateway.config.GatewayProperties;
import org.penpals.gateway.signin.StaffSessionFilter;
import org.penpals.gateway.staff.AccountService;
import org.penpals.gateway.staff.StaffAccount;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.gateway.staff.StaffRole;
import org.penpals.gateway.token.TokenMinter;
import org.penpals.platform.domain.StateConflict;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The gateway's own API: who am I, a bearer token for scripts, staff accounts and the audit log
 * (administrators).
 */
@RestController
@RequestMapping("/api/gateway")
@Tag(name = "Gateway", description = "Staff identity, tokens, accounts and the audit log")
class GatewayApiController {
  private final TokenMinter minter;
  private final GatewayProperties properties;
  private final StaffAccounts accounts;
  private final AccountService service;
  private final StaffSessionFilter sessions;
  private final AuditLog audit;

  GatewayApiController(
      TokenMinter minter,
      GatewayProperties properties,
      StaffAccounts accounts,
      AccountService service,
      StaffSessionFilter sessions,
      AuditLog audit) {
    this.minter = minter;
    this.properties = properties;
    this.accounts = accounts;
    this.service = service;
    this.sessions = sessions;
    this.audit = audit;
  }

  /** Who is calling. */
  record Me(
      String staffId,
      String email,
      String displayName,
      StaffRole role,
      List<String> countries,
      String method) {}

  @GetMapping("/me")
  @Operation(summary = "The signed-in staff member")
  Me me(@AuthenticationPrincipal StaffPrincipal me) {
    return new Me(
        me.staffId(), me.email(), me.displayName(), me.role(), me.countries(), me.method());
  }

  record Token(String token, Instant expiresAt) {}

  @PostMapping("/token")
  @Operation(
      summary =
          "A short-lived bearer token for scripts, for the signed-in person (console session only)")
  Token token(@AuthenticationPrincipal StaffPrincipal me) {
    if ("token".equals(me.method())) {
      throw new StateConflict("a token cannot be exchanged for a longer one; sign in", null);
    }
    TokenMinter.Minted minted = minter.mint(me, properties.keys().apiTokenTtl());
    return new Token(minted.token(), minted.expiresAt());
  }

  /** An account as administrators see it (never its secrets). */
  record AccountView(
      String email,
      String staffId,
      String displayName,
      StaffRole role,
      List<String> countries,
      boolean disabled,
      boolean totpEnabled,
      boolean mustChangePassword,
      Instant createdAt,
      String createdBy) {
    static AccountView of(StaffAccount a) {
      return new AccountView(
          a.email(),
          a.staffId(),
          a.displayName(),
          a.role(),
          a.countries(),
          a.disabled(),
          a.totpEnabled(),
          a.mustChangePassword(),
          a.createdAt(),
          a.createdBy());
    }
  }

  record NewAccount(
      @Nullable String email,
      @Nullable String displayName,
      @Nullable StaffRole role,
      @Nullable List<String> countries) {}

  record Created(AccountView account, String oneTimePassword) {}

  @GetMapping("/accounts")
  @Operation(summary = "Every staff account (administrators)")
  List<AccountView> accounts() {
    return accounts.all().stream().map(AccountView::of).toList();
  }

  @PostMapping("/accounts")
  @Operation(summary = "Create an account with a one-time password (administrators)")
  ResponseEntity<Created> create(
      @RequestBody NewAccount request, @AuthenticationPrincipal StaffPrincipal me) {
    try {
      AccountService.Created created =
          service.create(
              request.email(),
              request.displayName(),
              request.role(),
              request.countries(),
              me.email());
      return ResponseEntity.status(HttpStatus.CREATED)
          .body(new Created(AccountView.of(created.account()), created.oneTimePassword()));
    } catch (StaffAccounts.AlreadyExists e) {
      throw new StateConflict(e.getMessage(), "email");
    }
  }

  record AccountChange(
      @Nullable StaffRole role, @Nullable List<String> countries, @Nullable Boolean disabled) {}

  @PutMapping("/accounts/{email}")
  @Operation(
      summary = "Change an account's role, countries or whether it is disabled (administrators)")
  AccountView change(
      @PathVariable String email,
      @RequestBody AccountChange request,
      @AuthenticationPrincipal StaffPrincipal me) {
    StaffAccount account =
        accounts
            .find(email)
            .orElseThrow(
                () -> new org.penpals.platform.domain.NotFound("staff account " + email, "email"));
    if (request.role() != null) {
      account = service.setRole(email, request.role(), request.countries(), me.email());
    }
    if (request.disabled() != null) {
      account = service.setDisabled(email, request.disabled(), me.email());
    }
    sessions.forget(email);
    return AccountView.of(account);
  }

  @PostMapping("/accounts/{email}/password-reset")
  @Operation(summary = "A new one-time password; the account's sessions end (administrators)")
  Created reset(@PathVariable String email, @AuthenticationPrincipal StaffPrincipal me) {
    AccountService.Created created = service.resetPassword(email, me.email());
    sessions.forget(email);
    return new Created(AccountView.of(created.account()), created.oneTimePassword());
  }

  @GetMapping("/audit")
  @Operation(summary = "Search the audit log, newest first (administrators)")
  AuditLog.Page search(
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String text,
      @RequestParam(required = false) @Nullable String outcome,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    return audit.search(new AuditQuery(actor, text, outcome, from, to, page, size));
  }

  @GetMapping("/audit/{id}")
  @Operation(summary = "One audit entry (administrators)")
  ResponseEntity<AuditEntry> entry(@PathVariable String id) {
    AuditEntry entry = audit.find(id);
    if (entry == null) {
      throw new org.penpals.platform.domain.NotFound("audit entry " + id, "id");
    }
    return ResponseEntity.ok(entry);
  }

  static final String[] CSV_HEADER = {
    "id",
    "at",
    "actor",
    "staffId",
    "role",
    "action",
    "method",
    "path",
    "query",
    "target",
    "status",
    "outcome",
    "durationMs",
    "client"
  };

  @GetMapping(value = "/audit/export.csv", produces = "text/csv")
  @Operation(summary = "Export the audit log (same filters) as CSV (administrators)")
  void export(
      @RequestParam(required = false) @Nullable String actor,
      @RequestParam(required = false) @Nullable String text,
      @RequestParam(required = false) @Nullable String outcome,
      @RequestParam(required = false) @Nullable Instant from,
      @RequestParam(required = false) @Nullable Instant to,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException {
    AuditFilter.describe(request, "gateway.audit.export", null);
    AuditQuery query = new AuditQuery(actor, text, outcome, from, to, 0, 1);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"audit-log.csv\"");
    response.setHeader("Cache-Control", "no-store");
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    try (CSVPrinter csv =
        new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(CSV_HEADER).get())) {
      audit.forEach(
          query,
          e -> {
            try {
              csv.printRecord(
                  e.id(),
                  e.at(),
                  safe(e.actor()),
                  e.staffId(),
                  e.role(),
                  e.action(),
                  e.method(),
                  safe(e.path()),
                  safe(e.query()),
                  safe(e.target()),
                  e.status(),
                  e.outcome(),
                  e.durationMs(),
                  e.client());
            } catch (IOException io) {
              throw new UncheckedIOException(io);
            }
          });
    }
  }

  /** Neutralises spreadsheet formulas (CSV injection). */
  static @Nullable String safe(@Nullable String value) {
    if (value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }
}
