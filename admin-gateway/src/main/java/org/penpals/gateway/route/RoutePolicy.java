package org.penpals.gateway.route;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.staff.StaffRole;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Who may call which service route through the gateway — one table, consulted for every request to
 * {@code /api/<service>/**} and by the console before it calls a service. The first rule whose
 * method and path match decides; a request no rule matches is refused.
 *
 * <p>The services check roles themselves too (ADR 0005); the gateway's table adds what they cannot
 * know: the country ambassadors' scope, and that participants' own endpoints are not staff routes.
 */
public final class RoutePolicy {

  /** What a country ambassador may do on a route. */
  public enum AmbassadorAccess {
    /** Not at all. */
    NONE,
    /** Freely: the answer holds no participant's data (cycles, taxonomy). */
    OPEN,
    /** Only with {@code country} set to one of theirs (the gateway sets or checks it). */
    COUNTRY_QUERY,
    /** Only for a participant of one of their countries (the gateway looks it up first). */
    PARTICIPANT_READ
  }

  /**
   * One route.
   *
   * @param id a stable name, used as the audit log's action
   * @param roles the roles that may call it; empty for routes no staff member may call
   * @param example a concrete path matching the pattern, for the authorization-matrix test
   */
  public record Rule(
      String id,
      Set<String> methods,
      String pattern,
      Set<StaffRole> roles,
      AmbassadorAccess ambassador,
      String example) {
    public boolean allows(StaffRole role) {
      return role == StaffRole.AMBASSADOR
          ? ambassador != AmbassadorAccess.NONE
          : roles.contains(role);
    }

    PathPattern parsed() {
      return PathPatternParser.defaultInstance.parse(pattern);
    }
  }

  /** The rule that matched a request (if any), its path variables, and whether the role passes. */
  public record Decision(
      boolean allowed, @Nullable Rule rule, Map<String, String> variables, String reason) {}

  private record Compiled(Rule rule, PathPattern pattern) {}

  static final Set<StaffRole> READ =
      EnumSet.of(StaffRole.ADMIN, StaffRole.COORDINATOR, StaffRole.VIEWER);
  static final Set<StaffRole> WRITE = EnumSet.of(StaffRole.ADMIN, StaffRole.COORDINATOR);
  private static final Set<String> GET = Set.of("GET", "HEAD");
  private static final Set<String> CHANGE = Set.of("POST", "PUT", "PATCH", "DELETE");

  private final List<Compiled> rules;

  public RoutePolicy(List<Rule> rules) {
    this.rules = rules.stream().map(r -> new Compiled(r, r.parsed())).toList();
  }

  public List<Rule> rules() {
    return rules.stream().map(Compiled::rule).toList();
  }

  public Decision decide(StaffRole role, String method, String path) {
    PathContainer container = PathContainer.parsePath(path);
    for (Compiled c : rules) {
      if (!c.rule().methods().contains(method)) {
        continue;
      }
      PathPattern.PathMatchInfo match = c.pattern().matchAndExtract(container);
      if (match == null) {
        continue;
      }
      boolean allowed = c.rule().allows(role);
      return new Decision(
          allowed,
          c.rule(),
          match.getUriVariables(),
          allowed
              ? "allowed"
              : c.rule().roles().isEmpty() ? "not a staff route" : role + " may not do this");
    }
    return new Decision(false, null, Map.of(), "no such staff route");
  }

  /** The route table for these services (names as in {@code /api/<name>/**}). */
  public static RoutePolicy standard(Collection<String> services) {
    List<Rule> rules = new ArrayList<>();
    Set<String> names = new LinkedHashSet<>(services);
    if (names.contains("registration")) {
      registration(rules);
    }
    if (names.contains("matching")) {
      matching(rules);
    }
    if (names.contains("prompts")) {
      prompts(rules);
    }
    if (names.contains("messaging")) {
      messaging(rules);
    }
    for (String name : names) {
      // participants' own endpoints belong to the portal, never to staff
      rules.add(
          deny(
              name + ".participant-self",
              "/api/" + name + "/participants/me/**",
              "/api/" + name + "/participants/me"));
      rules.add(
          rule(
              name + ".read",
              GET,
              "/api/" + name + "/**",
              READ,
              AmbassadorAccess.NONE,
              "/api/" + name + "/anything"));
      rules.add(
          rule(
              name + ".write",
              CHANGE,
              "/api/" + name + "/**",
              WRITE,
              AmbassadorAccess.NONE,
              "/api/" + name + "/anything"));
    }
    return new RoutePolicy(rules);
  }

  private static void registration(List<Rule> rules) {
    String b = "/api/registration";
    rules.add(
        rule(
            "registration.taxonomy",
            GET,
            b + "/taxonomy",
            READ,
            AmbassadorAccess.OPEN,
            b + "/taxonomy"));
    rules.add(
        rule(
            "registration.cycles.open",
            GET,
            b + "/cycles/open",
            READ,
            AmbassadorAccess.OPEN,
            b + "/cycles/open"));
    rules.add(
        rule(
            "registration.cycles.list",
            GET,
            b + "/cycles",
            READ,
            AmbassadorAccess.OPEN,
            b + "/cycles"));
    rules.add(
        rule(
            "registration.cycle.get",
            GET,
            b + "/cycles/{cycleId}",
            READ,
            AmbassadorAccess.OPEN,
            b + "/cycles/c-1"));
    rules.add(
        rule(
            "registration.applicants.search",
            GET,
            b + "/cycles/{cycleId}/applications",
            READ,
            AmbassadorAccess.COUNTRY_QUERY,
            b + "/cycles/c-1/applications"));
    rules.add(
        rule(
            "registration.applicants.export",
            GET,
            b + "/cycles/{cycleId}/applications.csv",
            READ,
            AmbassadorAccess.COUNTRY_QUERY,
            b + "/cycles/c-1/applications.csv"));
    rules.add(
        rule(
            "registration.statistics",
            GET,
            b + "/cycles/{cycleId}/statistics",
            READ,
            AmbassadorAccess.NONE,
            b + "/cycles/c-1/statistics"));
    rules.add(
        rule(
            "registration.applicant.get",
            GET,
            b + "/applications/{participantId}",
            READ,
            AmbassadorAccess.PARTICIPANT_READ,
            b + "/applications/p-1"));
    rules.add(
        rule(
            "registration.cycle.create",
            Set.of("POST"),
            b + "/cycles",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/cycles"));
    rules.add(
        rule(
            "registration.cycle.edit",
            Set.of("PUT"),
            b + "/cycles/{cycleId}",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/cycles/c-1"));
    rules.add(
        rule(
            "registration.cycle.open",
            Set.of("POST"),
            b + "/cycles/{cycleId}/open",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/cycles/c-1/open"));
    rules.add(
        rule(
            "registration.cycle.close",
            Set.of("POST"),
            b + "/cycles/{cycleId}/close",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/cycles/c-1/close"));
    rules.add(
        rule(
            "registration.applicants.import",
            Set.of("POST"),
            b + "/cycles/{cycleId}/imports",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/cycles/c-1/imports"));
    // the life of a cycle (ADR 0012): the waitlist names applicants of every country and has no
    // country filter, so ambassadors are refused it (they see their countries' waitlisted
    // applicants in the applicant search, admission=WAITLISTED)
    rules.add(
        rule(
            "registration.waitlist",
            GET,
            b + "/cycles/{cycleId}/waitlist",
            READ,
            AmbassadorAccess.NONE,
            b + "/cycles/c-1/waitlist"));
    rules.add(
        rule(
            "registration.admissions",
            Set.of("POST"),
            b + "/cycles/{cycleId}/admissions",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/cycles/c-1/admissions"));
    rules.add(
        rule(
            "registration.cycle.archive",
            Set.of("POST"),
            b + "/cycles/{cycleId}/archive",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/cycles/c-1/archive"));
    // the public form, e-mail verification and portal sign-in are the portal's, not staff routes
    rules.add(
        deny(
            "registration.apply",
            b + "/cycles/{cycleId}/applications",
            b + "/cycles/c-1/applications"));
    rules.add(deny("registration.verification", b + "/verifications/**", b + "/verifications"));
    rules.add(deny("registration.sign-in-links", b + "/sign-in-links/**", b + "/sign-in-links"));
  }

  private static void matching(List<Rule> rules) {
    String b = "/api/matching";
    String c = b + "/cycles/{cycleId}";
    String e = b + "/cycles/c-1";
    rules.add(rule("matching.pool", GET, c + "/pool", READ, AmbassadorAccess.NONE, e + "/pool"));
    rules.add(
        rule(
            "matching.settings.get",
            GET,
            c + "/settings",
            READ,
            AmbassadorAccess.NONE,
            e + "/settings"));
    rules.add(
        rule(
            "matching.settings.put",
            Set.of("PUT"),
            c + "/settings",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/settings"));
    rules.add(
        rule("matching.runs.list", GET, c + "/runs", READ, AmbassadorAccess.NONE, e + "/runs"));
    rules.add(
        rule(
            "matching.run.start",
            Set.of("POST"),
            c + "/runs",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/runs"));
    rules.add(
        rule(
            "matching.explain",
            Set.of("POST"),
            c + "/explain",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/explain"));
    rules.add(
        rule(
            "matching.adjustments",
            GET,
            c + "/adjustments",
            READ,
            AmbassadorAccess.NONE,
            e + "/adjustments"));
    rules.add(
        rule(
            "matching.lock",
            Set.of("POST"),
            c + "/locks",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/locks"));
    rules.add(
        rule(
            "matching.unlock",
            Set.of("DELETE"),
            c + "/locks",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/locks"));
    rules.add(
        rule(
            "matching.forbid",
            Set.of("POST"),
            c + "/forbids",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/forbids"));
    rules.add(
        rule(
            "matching.allow",
            Set.of("DELETE"),
            c + "/forbids",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/forbids"));
    rules.add(
        rule(
            "matching.partnerships",
            GET,
            c + "/partnerships",
            READ,
            AmbassadorAccess.NONE,
            e + "/partnerships"));
    rules.add(
        rule("matching.waiting", GET, c + "/waiting", READ, AmbassadorAccess.NONE, e + "/waiting"));
    rules.add(
        rule(
            "matching.partnership.dissolve",
            Set.of("POST"),
            c + "/partnerships/{partnershipId}/dissolve",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/partnerships/ps-1/dissolve"));
    rules.add(
        rule(
            "matching.partnership.hand-pair",
            Set.of("POST"),
            c + "/partnerships",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/partnerships"));
    rules.add(
        rule(
            "matching.rematch",
            Set.of("POST"),
            c + "/rematch",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/rematch"));
    rules.add(
        rule(
            "matching.new-partner-requests",
            GET,
            c + "/new-partner-requests",
            READ,
            AmbassadorAccess.NONE,
            e + "/new-partner-requests"));
    rules.add(
        rule(
            "matching.new-partner-request.approve",
            Set.of("POST"),
            c + "/new-partner-requests/{requestId}/approve",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/new-partner-requests/np-1/approve"));
    rules.add(
        rule(
            "matching.new-partner-request.decline",
            Set.of("POST"),
            c + "/new-partner-requests/{requestId}/decline",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/new-partner-requests/np-1/decline"));
    rules.add(
        rule(
            "matching.run.get",
            GET,
            b + "/runs/{runId}",
            READ,
            AmbassadorAccess.NONE,
            b + "/runs/r-1"));
    rules.add(
        rule(
            "matching.run.groups",
            GET,
            b + "/runs/{runId}/groups",
            READ,
            AmbassadorAccess.NONE,
            b + "/runs/r-1/groups"));
    rules.add(
        rule(
            "matching.run.swap",
            Set.of("POST"),
            b + "/runs/{runId}/swap",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/runs/r-1/swap"));
    rules.add(
        rule(
            "matching.run.publish",
            Set.of("POST"),
            b + "/runs/{runId}/publish",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/runs/r-1/publish"));
    rules.add(
        rule(
            "matching.what-if",
            Set.of("POST"),
            b + "/what-if",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/what-if"));
  }

  private static void prompts(List<Rule> rules) {
    String b = "/api/prompts";
    rules.add(
        rule(
            "prompts.quiet",
            GET,
            b + "/cycles/{cycleId}/quiet",
            READ,
            AmbassadorAccess.NONE,
            b + "/cycles/c-1/quiet"));
    rules.add(
        rule(
            "prompts.partnership.get",
            GET,
            b + "/partnerships/{partnershipId}",
            READ,
            AmbassadorAccess.NONE,
            b + "/partnerships/ps-1"));
    rules.add(
        rule(
            "prompts.settings.put",
            Set.of("PUT"),
            b + "/cycles/{cycleId}/settings",
            WRITE,
            AmbassadorAccess.NONE,
            b + "/cycles/c-1/settings"));
  }

  private static void messaging(List<Rule> rules) {
    String b = "/api/messaging";
    String a = b + "/cycles/{cycleId}/announcements";
    String e = b + "/cycles/c-1/announcements";
    rules.add(rule("messaging.announcements.list", GET, a, READ, AmbassadorAccess.NONE, e));
    rules.add(
        rule(
            "messaging.announcement.get",
            GET,
            a + "/{announcementId}",
            READ,
            AmbassadorAccess.NONE,
            e + "/an-1"));
    // the Idempotency-Key header is relayed as it came (the proxy keeps every request header but
    // credentials and cookies)
    rules.add(
        rule("messaging.announcement.create", Set.of("POST"), a, WRITE, AmbassadorAccess.NONE, e));
    rules.add(
        rule(
            "messaging.announcement.preview",
            Set.of("POST"),
            a + "/preview",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/preview"));
    rules.add(
        rule(
            "messaging.announcement.cancel",
            Set.of("DELETE"),
            a + "/{announcementId}",
            WRITE,
            AmbassadorAccess.NONE,
            e + "/an-1"));
    rules.add(
        deny(
            "messaging.conversations", b + "/conversations/**", b + "/conversations/p-1/messages"));
  }

  private static Rule rule(
      String id,
      Set<String> methods,
      String pattern,
      Set<StaffRole> roles,
      AmbassadorAccess ambassador,
      String example) {
    return new Rule(id, methods, pattern, Set.copyOf(roles), ambassador, example);
  }

  private static Rule deny(String id, String pattern, String example) {
    Set<String> all = new LinkedHashSet<>(GET);
    all.addAll(CHANGE);
    return new Rule(id, Set.copyOf(all), pattern, Set.of(), AmbassadorAccess.NONE, example);
  }
}
