package org.penpals.gateway.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.route.RoutePolicy;
import org.penpals.gateway.staff.StaffAuthentication;
import org.penpals.gateway.staff.StaffPrincipal;
import org.penpals.gateway.staff.StaffRole;
import org.penpals.platform.web.ProblemWriter;
import org.penpals.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every staff request that changes something — any method but GET/HEAD/OPTIONS under {@code
 * /api/}, {@code /console/}, {@code /account/} and sign-out — and every CSV export, in the audit
 * log. The entry is written <em>before</em> the request goes on: if the log cannot be written, the
 * request is refused (503) and nothing changes. It is completed with who (as authenticated by
 * then), the outcome and the duration. Sign-in attempts are recorded by the sign-in pages
 * themselves.
 *
 * <p>Sits in the security chain right after the security context is loaded, so that it also sees
 * requests the chain refuses (bad token, missing CSRF token, forbidden role).
 */
public class AuditFilter extends OncePerRequestFilter {
  public static final String ID_ATTRIBUTE = "penpals.audit.id";
  public static final String ACTION_ATTRIBUTE = "penpals.audit.action";
  public static final String TARGET_ATTRIBUTE = "penpals.audit.target";
  public static final String HEADER = "X-Audit-Id";

  private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
  private static final List<String> AUDITED_PREFIXES =
      List.of("/api/", "/console/", "/account/", "/logout");

  private final AuditLog audit;
  private final RoutePolicy policy;
  private final ProblemWriter problems;

  public AuditFilter(AuditLog audit, RoutePolicy policy, ProblemWriter problems) {
    this.audit = audit;
    this.policy = policy;
    this.problems = problems;
  }

  /** Lets a console action name what it did and to what, for its audit entry. */
  public static void describe(HttpServletRequest request, String action, @Nullable String target) {
    request.setAttribute(ACTION_ATTRIBUTE, action);
    if (target != null) {
      request.setAttribute(TARGET_ATTRIBUTE, target);
    }
  }

  static boolean audited(String method, String path) {
    if (AUDITED_PREFIXES.stream().noneMatch(path::startsWith)) {
      return false;
    }
    return !READS.contains(method) || path.endsWith(".csv");
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !audited(request.getMethod(), path(request));
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long started = System.nanoTime();
    String method = request.getMethod();
    String path = path(request);
    Actor before = actor();
    RoutePolicy.Decision decision =
        policy.decide(before.role() == null ? StaffRole.VIEWER : before.role(), method, path);
    String action = decision.rule() != null ? decision.rule().id() : method + " " + path;
    String target = target(decision.variables());
    String id = audit.newId();
    AuditEntry pending =
        new AuditEntry(
            id,
            audit.now(),
            before.name(),
            before.staffId(),
            before.role() == null ? null : before.role().name(),
            action,
            method,
            path,
            query(request),
            target,
            0,
            "pending",
            0,
            request.getRemoteAddr());
    try {
      audit.append(pending);
    } catch (RuntimeException e) {
      log.error("audit log unavailable; refusing {} {}", method, path, e);
      problems.write(
          request,
          response,
          Problems.problem(
              HttpStatus.SERVICE_UNAVAILABLE,
              "audit-unavailable",
              "Service Unavailable",
              "The audit log cannot be written right now, so nothing was changed. Try again"
                  + " shortly.",
              List.of()));
      return;
    }
    request.setAttribute(ID_ATTRIBUTE, id);
    response.setHeader(HEADER, id);
    int status = 500;
    try {
      chain.doFilter(request, response);
      status = response.getStatus();
    } finally {
      Actor after = actor();
      Actor who = after.name().equals("anonymous") ? before : after;
      Object describedAction = request.getAttribute(ACTION_ATTRIBUTE);
      Object describedTarget = request.getAttribute(TARGET_ATTRIBUTE);
      try {
        audit.complete(
            id,
            who.name(),
            who.staffId(),
            who.role() == null ? null : who.role().name(),
            status,
            AuditEntry.outcomeOf(status),
            (System.nanoTime() - started) / 1_000_000,
            describedAction == null ? null : describedAction.toString(),
            describedTarget == null ? null : describedTarget.toString());
      } catch (RuntimeException e) {
        log.error(
            "audit entry {} ({} {}) could not be completed with {}", id, method, path, status, e);
      }
    }
  }

  private record Actor(String name, @Nullable String staffId, @Nullable StaffRole role) {}

  private static Actor actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof StaffAuthentication staff) {
      StaffPrincipal p = staff.getPrincipal();
      return new Actor(p.email(), p.staffId(), p.role());
    }
    return new Actor("anonymous", null, null);
  }

  private static @Nullable String target(Map<String, String> variables) {
    if (variables.isEmpty()) {
      return null;
    }
    return variables.entrySet().stream()
        .map(e -> e.getKey() + "=" + e.getValue())
        .collect(Collectors.joining(" "));
  }

  private static @Nullable String query(HttpServletRequest request) {
    String q = request.getQueryString();
    if (q == null) {
      return null;
    }
    return q.length() > 500 ? q.substring(0, 500) : q;
  }

  private static String path(HttpServletRequest request) {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    return context.isEmpty() ? uri : uri.substring(context.length());
  }
}
