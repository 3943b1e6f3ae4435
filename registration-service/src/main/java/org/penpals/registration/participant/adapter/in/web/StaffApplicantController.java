package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.NotFound;
import org.penpals.registration.cycle.application.CycleService;
import org.penpals.registration.participant.application.ApplicantQuery;
import org.penpals.registration.participant.application.ParticipantRepository;
import org.penpals.registration.participant.domain.Admission;
import org.penpals.registration.participant.domain.Participant;
import org.penpals.registration.participant.domain.ParticipantStatus;
import org.penpals.registration.participant.domain.Profile;
import org.penpals.registration.participant.domain.Sector;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Staff views of applicants: search, inspect, export, count. */
@RestController
@RequestMapping("/api/registration")
@Tag(name = "Applicants", description = "Staff: search, inspect, export and count applicants")
@SecurityRequirement(name = "bearer")
public class StaffApplicantController {
  private final ParticipantRepository participants;
  private final CycleService cycles;

  public StaffApplicantController(ParticipantRepository participants, CycleService cycles) {
    this.participants = participants;
    this.cycles = cycles;
  }

  public record Page(List<ParticipantView> items, int page, int size, long total) {}

  @GetMapping("/cycles/{cycleId}/applications")
  @Operation(summary = "Search a cycle's applicants (every filter optional), oldest first")
  public Page search(
      @PathVariable String cycleId,
      @Parameter(description = "ISO 3166-1 alpha-2") @RequestParam(required = false)
          @Nullable String country,
      @RequestParam(required = false) @Nullable Sector sector,
      @Parameter(description = "ISO 639-1") @RequestParam(required = false)
          @Nullable String language,
      @RequestParam(required = false) @Nullable ParticipantStatus status,
      @RequestParam(required = false) @Nullable Admission admission,
      @Parameter(description = "text in name, email or organisation")
          @RequestParam(name = "q", required = false)
          @Nullable String text,
      @RequestParam(defaultValue = "0") int page,
      @RequestParam(defaultValue = "50") int size) {
    cycles.get(cycleId);
    var result =
        participants.search(
            new ApplicantQuery(
                cycleId, country, sector, language, status, admission, text, page, size));
    return new Page(
        result.items().stream().map(ParticipantView::of).toList(),
        result.page(),
        result.size(),
        result.total());
  }

  @GetMapping(value = "/cycles/{cycleId}/applications.csv", produces = "text/csv")
  @Operation(summary = "Export a cycle's applicants (same filters) as CSV")
  public void export(
      @PathVariable String cycleId,
      @RequestParam(required = false) @Nullable String country,
      @RequestParam(required = false) @Nullable Sector sector,
      @RequestParam(required = false) @Nullable String language,
      @RequestParam(required = false) @Nullable ParticipantStatus status,
      @RequestParam(required = false) @Nullable Admission admission,
      @RequestParam(name = "q", required = false) @Nullable String text,
      HttpServletResponse response)
      throws IOException {
    cycles.get(cycleId);
    ApplicantQuery query =
        new ApplicantQuery(
            cycleId,
            country,
            sector,
            language,
            status,
            admission,
            text,
            0,
            ApplicantQuery.MAX_SIZE);
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader(
        "Content-Disposition", "attachment; filename=\"applicants-" + cycleId + ".csv\"");
    response.setHeader("Cache-Control", "no-store");
    Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
    try (CSVPrinter csv =
        new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setHeader(HEADER).get())) {
      participants.forEach(
          query,
          p -> {
            try {
              csv.printRecord(row(p));
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
    }
  }

  static final String[] HEADER = {
    "id",
    "status",
    "admission",
    "admissionReason",
    "registeredAt",
    "verifiedAt",
    "fullName",
    "email",
    "countryCode",
    "city",
    "organisation",
    "sector",
    "role",
    "yearsInProfession",
    "languages",
    "correspondenceLanguages",
    "interests",
    "hopes",
    "timeZone",
    "sectorPreference",
    "avoidCountries",
    "returning",
    "locale"
  };

  private static List<Object> row(Participant p) {
    Profile pr = p.profile();
    java.util.ArrayList<Object> row = new java.util.ArrayList<>();
    row.add(p.id());
    row.add(p.status());
    row.add(p.admission());
    row.add(p.admissionReason() == null ? "" : p.admissionReason());
    row.add(p.registeredAt());
    row.add(p.verifiedAt() == null ? "" : p.verifiedAt());
    if (pr == null) {
      for (int i = 6; i < HEADER.length; i++) {
        row.add("");
      }
      return row;
    }
    row.add(safe(pr.fullName()));
    row.add(safe(pr.email()));
    row.add(pr.countryCode());
    row.add(safe(pr.city()));
    row.add(safe(pr.organisation()));
    row.add(pr.sector());
    row.add(safe(pr.role()));
    row.add(pr.yearsInProfession());
    row.add(String.join(";", pr.languages().stream().map(l -> l.code()).toList()));
    row.add(String.join(";", pr.correspondenceLanguages()));
    row.add(String.join(";", pr.interests()));
    row.add(safe(pr.hopes()));
    row.add(pr.timeZone());
    row.add(pr.sectorPreference());
    row.add(String.join(";", pr.avoidCountries()));
    row.add(pr.returning());
    row.add(pr.locale());
    return row;
  }

  /** Neutralises spreadsheet formulas (CSV injection). */
  static String safe(String value) {
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      return "'" + value;
    }
    return value;
  }

  @GetMapping("/cycles/{cycleId}/statistics")
  @Operation(summary = "Counts by status, admission, country, sector, language and day")
  public ParticipantRepository.ApplicantStatistics statistics(@PathVariable String cycleId) {
    cycles.get(cycleId);
    return participants.statistics(cycleId);
  }

  @GetMapping("/applications/{participantId}")
  @Operation(summary = "One application")
  public ParticipantView get(@PathVariable String participantId) {
    return participants
        .find(participantId)
        .map(ParticipantView::of)
        .orElseThrow(() -> new NotFound("application " + participantId.toLowerCase(Locale.ROOT)));
  }
}
