package org.penpals.registration.cycle.adapter.in.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.penpals.registration.cycle.domain.CycleSettings;
import org.penpals.registration.cycle.domain.PromptCadence;

/** A cycle's settings as staff send them; omitted optional fields take the programme defaults. */
@Schema(name = "CycleSettings")
public record CycleRequest(
    @Schema(example = "2027 cycle 1", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable String name,
    @Schema(example = "2027-01-10T00:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Instant registrationOpensAt,
    @Schema(example = "2027-02-07T00:00:00Z", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Instant registrationClosesAt,
    @Schema(example = "2027-03-01", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable LocalDate partnershipStartsOn,
    @Schema(description = "weeks, default 17") @Nullable Integer lengthWeeks,
    @Schema(description = "default WEEKLY") @Nullable PromptCadence promptCadence,
    @Schema(description = "default MONDAY") @Nullable DayOfWeek promptWeekday,
    @Schema(description = "0-23, participant's local time, default 9")
        @Nullable Integer promptLocalHour,
    @Schema(example = "800", requiredMode = Schema.RequiredMode.REQUIRED)
        @Nullable Integer capacity,
    @Schema(
            description =
                "share of the capacity one country may hold, 1-100 (default 100 = no cap)")
        @Nullable Integer countryCapPercent) {

  CycleSettings toSettings() {
    var missing = new org.penpals.platform.domain.Rules();
    missing.present(capacity, "capacity");
    CycleSettings settings;
    try {
      settings =
          new CycleSettings(
              name,
              registrationOpensAt,
              registrationClosesAt,
              partnershipStartsOn,
              lengthWeeks == null ? CycleSettings.DEFAULT_LENGTH_WEEKS : lengthWeeks,
              promptCadence == null ? PromptCadence.WEEKLY : promptCadence,
              promptWeekday == null ? DayOfWeek.MONDAY : promptWeekday,
              promptLocalHour == null ? 9 : promptLocalHour,
              capacity == null ? 2 : capacity,
              countryCapPercent == null ? 100 : countryCapPercent);
    } catch (org.penpals.platform.domain.InvalidInput e) {
      e.violations().forEach(v -> missing.add(v.field(), v.message()));
      missing.throwIfAny();
      throw e;
    }
    missing.throwIfAny();
    return settings;
  }
}
