package org.penpals.gateway.signin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.penpals.gateway.staff.StaffAccount;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.staff.StaffAuthentication;
import org.penpals.gateway.staff.StaffPrincipal;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps console sessions honest: a session ends after its absolute lifetime, when its account is
 * disabled or removed, or when the account's password or role changed after it began (the account
 * is looked up by {@code _id}, at most every few seconds per person); a changed name or country
 * list is taken over into the session.
 */
public class StaffSessionFilter extends OncePerRequestFilter {
  public static final String EXPIRED_ATTRIBUTE = "penpals.session.expired";

  private final StaffAccounts accounts;
  private final SecurityContextRepository contexts;
  private final Clock clock;
  private final Duration maxLifetime;
  private final Cache<String, Optional<StaffAccount>> recent =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofSeconds(5)).build();

  public StaffSessionFilter(
      StaffAccounts accounts,
      SecurityContextRepository contexts,
      Clock clock,
      Duration maxLifetime) {
    this.accounts = accounts;
    this.contexts = contexts;
    this.clock = clock;
    this.maxLifetime = maxLifetime;
  }

  /** Forget what is cached about an account (after a change on this instance). */
  public void forget(String email) {
    recent.invalidate(email);
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HttpSession session = request.getSession(false);
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (session != null
        && auth instanceof StaffAuthentication staff
        && !"token".equals(staff.getPrincipal().method())) {
      check(request, response, session, staff.getPrincipal());
    }
    chain.doFilter(request, response);
  }

  private void check(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpSession session,
      StaffPrincipal principal) {
    Instant now = clock.instant();
    if (now.isAfter(principal.authenticatedAt().plus(maxLifetime))) {
      end(request, session);
      return;
    }
    Optional<StaffAccount> account;
    try {
      account = recent.get(principal.email(), accounts::find);
    } catch (RuntimeException databaseAway) {
      return; // keep the session; the pages will say what is unavailable
    }
    if (account.isEmpty()
        || account.get().disabled()
        || principal.authenticatedAt().isBefore(account.get().sessionsValidAfter())) {
      end(request, session);
      return;
    }
    StaffPrincipal fresh = principal.withAccount(account.get());
    if (!fresh.equals(principal)) {
      SecurityContext context = SecurityContextHolder.createEmptyContext();
      context.setAuthentication(new StaffAuthentication(fresh));
      SecurityContextHolder.setContext(context);
      contexts.saveContext(context, request, response);
    }
  }

  private static void end(HttpServletRequest request, HttpSession session) {
    try {
      session.invalidate();
    } catch (IllegalStateException alreadyInvalid) {
      // fine
    }
    SecurityContextHolder.clearContext();
    request.setAttribute(EXPIRED_ATTRIBUTE, true);
  }
}
