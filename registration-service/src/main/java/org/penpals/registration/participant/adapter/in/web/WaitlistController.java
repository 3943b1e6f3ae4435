package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.registration.participant.application.Waitlist;
import org.penpals.registration.participant.domain.Admission;
import org.penpals.registration.participant.domain.Profile;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff: a cycle's waitlist, and admitting from it. */
@RestController
@RequestMapping("/api/registration/cycles/{cycleId}")
@Tag(name = "Waitlist", description = "Staff: the queue for places, and admitting from it")
@SecurityRequirement(name = "bearer")
public class WaitlistController {
  static final String FAIR_ORDER =
      "The fair order: earliest application first among waitlisted applicants whose email is"
          + " confirmed; an applicant whose country is at its cap keeps their position but is passed"
          + " over until the country has room again (countryAtCap); nobody skips the queue."
          + " Applicants who have not confirmed their email follow everyone who has, in"
          + " application order (verified: false), and are offered no place until they confirm."
          + " While registration is open, each freed place (an admitted applicant withdraws or is"
          + " erased, the capacity or a country cap is raised, registration reopens, someone next"
          + " in line confirms their email) goes automatically to the first applicant in this"
          + " order who can take it (ParticipantAdmitted, route FREED_PLACE).";

  private final Waitlist waitlist;

  public WaitlistController(Waitlist waitlist) {
    this.waitlist = waitlist;
  }

  /**
   * One applicant in the queue.
   *
   * @param position 1 = next in line
   * @param verified whether they confirmed their email (only confirmed applicants are offered a
   *     place)
   * @param countryAtCap whether their country holds as many places as its cap allows now (they are
   *     passed over until it has room)
   * @param reason why they were waitlisted
   */
  public record WaitlistEntry(
      @Schema(description = "1 = next in line") int position,
      String participantId,
      String fullName,
      String countryCode,
      @Schema(description = "when they applied: the queue's order") Instant registeredAt,
      @Schema(description = "confirmed their email (only they are offered a place)")
          boolean verified,
      @Schema(
              description =
                  "their country holds all the places its cap allows: passed over for now")
          boolean countryAtCap,
      @Schema(description = "why they were waitlisted: CAPACITY or COUNTRY_CAP")
          Admission.@Nullable Reason reason) {}

  public record WaitlistView(String cycleId, List<WaitlistEntry> items) {}

  public record AdmittedView(List<ParticipantView> admitted) {}

  @GetMapping("/waitlist")
  @Operation(
      summary = "The cycle's waitlist, in the order places are offered",
      description = FAIR_ORDER)
  public WaitlistView waitlist(@PathVariable String cycleId) {
    Waitlist.Queue queue = waitlist.queue(cycleId);
    return new WaitlistView(
        cycleId,
        queue.entries().stream()
            .map(
                e -> {
                  Profile profile = e.participant().profile();
                  return new WaitlistEntry(
                      e.position(),
                      e.participant().id(),
                      profile == null ? "" : profile.fullName(),
                      profile == null ? "" : profile.countryCode(),
                      e.participant().registeredAt(),
                      e.verified(),
                      e.countryAtCap(),
                      e.participant().admissionReason());
                })
            .toList());
  }

  @PostMapping("/admissions")
  @Operation(
      summary = "Admit waitlisted applicants (staff decision)",
      description =
          "Admits 1-500 waitlisted applicants of this cycle, in the order given: each gets a place"
              + " (ParticipantAdmitted, route STAFF), even beyond the capacity or their country's"
              + " cap (the places are still counted). All or nothing: if any id is not a"
              + " waitlisted application to this cycle (unknown, another cycle's, already"
              + " admitted, withdrawn or erased), the answer is 409 naming each such"
              + " participantIds[i], and nobody is admitted; 409 naming cycleId once the cycle is"
              + " COMPLETED or ARCHIVED; 400 for a malformed list (participantIds, or"
              + " participantIds[i] blank or repeated).")
  public AdmittedView admit(
      @PathVariable String cycleId, @RequestBody @Nullable AdmissionRequest request) {
    if (request == null) {
      throw InvalidInput.of("participantIds", "must list 1 to " + Waitlist.MAX_ADMISSIONS + " ids");
    }
    List<String> ids = request.ids();
    return new AdmittedView(
        waitlist.admitByStaff(cycleId, ids).stream().map(ParticipantView::of).toList());
  }
}
