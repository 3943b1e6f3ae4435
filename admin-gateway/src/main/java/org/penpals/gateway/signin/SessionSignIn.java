package org.penpals.gateway.signin;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.audit.AuditEntry;
import org.penpals.gateway.audit.AuditLog;
import org.penpals.gateway.config.GatewayProperties;
import org.penpals.gateway.staff.StaffAuthentication;
import org.penpals.gateway.staff.StaffPrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Starts a console session for someone who just proved who they are (a new session id: no session
 * fixation), and records sign-in attempts in the audit log.
 */
@Component
public class SessionSignIn {
  private static final Logger log = LoggerFactory.getLogger(SessionSignIn.class);

  private final SecurityContextRepository contexts;
  private final AuditLog audit;
  private final Duration idle;

  public SessionSignIn(
      SecurityContextRepository contexts, AuditLog audit, GatewayProperties properties) {
    this.contexts = contexts;
    this.audit = audit;
    this.idle = properties.signIn().sessionIdle();
  }

  public void start(HttpServletRequest request, HttpServletResponse response, StaffPrincipal who) {
    HttpSession existing = request.getSession(false);
    if (existing != null) {
      request.changeSessionId();
    }
    HttpSession session = request.getSession(true);
    session.setMaxInactiveInterval((int) idle.toSeconds());
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new StaffAuthentication(who));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  /** Replaces the signed-in person's details in the current session (password changed). */
  public void replace(
      HttpServletRequest request, HttpServletResponse response, StaffPrincipal who) {
    request.changeSessionId();
    SecurityContext context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(new StaffAuthentication(who));
    SecurityContextHolder.setContext(context);
    contexts.saveContext(context, request, response);
  }

  /** Ends the current session, if any, without a trace of who was in it. */
  public void end(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
  }

  /** One sign-in step for the audit log (never shown to the person signing in). */
  public void record(
      HttpServletRequest request,
      String action,
      String email,
      @Nullable StaffPrincipal who,
      int status,
      String outcome) {
    try {
      audit.append(
          new AuditEntry(
              audit.newId(),
              audit.now(),
              who == null ? email : who.email(),
              who == null ? null : who.staffId(),
              who == null ? null : who.role().name(),
              action,
              request.getMethod(),
              request.getRequestURI().substring(request.getContextPath().length()),
              null,
              "email=" + email,
              status,
              outcome,
              0,
              request.getRemoteAddr()));
    } catch (RuntimeException e) {
      log.error("audit log unavailable: {} of {} ({}) not recorded", action, email, outcome, e);
    }
  }
}
