package org.penpals.portal.support;

import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.penpals.portal.services.Registration.Admission;
import org.penpals.portal.services.Registration.AdmissionRoute;
import org.penpals.portal.services.Registration.ApplicationStatus;
import org.penpals.portal.services.Registration.Cycle;
import org.penpals.portal.services.Registration.CycleStatus;
import org.penpals.portal.services.Registration.Me;
import org.penpals.portal.services.Registration.WaitReason;

/**
 * Registration's answer to {@code GET participants/me}, built from an existing one: {@code
 * anApplication(fakes.applications.get(ALICE)).waitlisted(4, CAPACITY).inCycle(RUNNING).build()}.
 */
public final class ApplicationFixture {
  private final Me base;
  private ApplicationStatus status;
  private Admission admission;
  private @Nullable WaitReason reason;
  private @Nullable Instant admittedAt;
  private @Nullable AdmissionRoute route;
  private @Nullable Integer position;
  private @Nullable Cycle cycle;

  private ApplicationFixture(Me base) {
    this.base = base;
    this.status = base.status();
    this.admission = base.admission();
    this.reason = base.admissionReason();
    this.admittedAt = base.admittedAt();
    this.route = base.admissionRoute();
    this.position = base.waitlistPosition();
    this.cycle = base.cycle();
  }

  public static ApplicationFixture anApplication(Me base) {
    return new ApplicationFixture(base);
  }

  public ApplicationFixture status(ApplicationStatus status) {
    this.status = status;
    return this;
  }

  public ApplicationFixture waitlisted(@Nullable Integer position, @Nullable WaitReason reason) {
    this.admission = Admission.WAITLISTED;
    this.position = position;
    this.reason = reason;
    this.admittedAt = null;
    this.route = null;
    return this;
  }

  public ApplicationFixture admitted(@Nullable Instant at, @Nullable AdmissionRoute route) {
    this.admission = Admission.ADMITTED;
    this.admittedAt = at;
    this.route = route;
    this.position = null;
    this.reason = null;
    return this;
  }

  /**
   * A waitlist position even though admitted: registration never answers it, the page ignores it.
   */
  public ApplicationFixture position(@Nullable Integer position) {
    this.position = position;
    return this;
  }

  public ApplicationFixture inCycle(CycleStatus status) {
    this.cycle =
        new Cycle(
            "c-1", "Spring 2027", status, LocalDate.of(2027, 3, 1), LocalDate.of(2027, 6, 27));
    return this;
  }

  public Me build() {
    return new Me(
        base.id(),
        base.cycleId(),
        status,
        admission,
        reason,
        admittedAt,
        route,
        position,
        base.registeredAt(),
        base.verifiedAt(),
        base.withdrawnAt(),
        base.profile(),
        cycle);
  }
}
