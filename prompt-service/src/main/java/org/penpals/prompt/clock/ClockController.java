package org.penpals.prompt.clock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.Rules;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The programme clock: read by staff; moved forward by ADMIN staff in demo mode only. */
@RestController
@RequestMapping("/api/prompts/clock")
@Tag(name = "Programme clock", description = "When prompts fall due; demo mode can fast-forward")
@SecurityRequirement(name = "bearer")
public class ClockController {
  private final ProgrammeClock clock;

  public ClockController(ProgrammeClock clock) {
    this.clock = clock;
  }

  public record ClockView(Instant now, String mode, double speed) {}

  /**
   * Move the demo clock: {@code by} an ISO 8601 duration ({@code P7D}, {@code PT6H}) or {@code to}
   * an instant.
   */
  public record Advance(@Nullable String by, @Nullable String to) {}

  @GetMapping
  @Operation(summary = "The programme's current time and how the clock runs")
  public ClockView get() {
    return view();
  }

  @PostMapping("/advance")
  @Operation(
      summary = "Fast-forward the demo clock (ADMIN, demo mode only); due prompts go out at once")
  public ClockView advance(@RequestBody @Nullable Advance request) {
    Rules rules = new Rules();
    String by = request == null ? null : request.by();
    String to = request == null ? null : request.to();
    rules.require(
        (by == null) != (to == null), by == null ? "by" : "to", "give either by or to, not both");
    rules.throwIfAny();
    if (by != null) {
      Duration duration;
      try {
        duration = Duration.parse(by.strip());
      } catch (DateTimeParseException e) {
        throw InvalidInput.of("by", "must be an ISO 8601 duration such as P7D or PT6H");
      }
      if (duration.compareTo(Duration.ofDays(400)) > 0) {
        throw InvalidInput.of("by", "must be at most 400 days");
      }
      clock.advance(duration);
    } else {
      Instant instant;
      try {
        instant = Instant.parse(to.strip());
      } catch (DateTimeParseException e) {
        throw InvalidInput.of("to", "must be an instant such as 2027-03-01T09:00:00Z");
      }
      clock.moveTo(instant);
    }
    return view();
  }

  private ClockView view() {
    return new ClockView(clock.instant(), clock.demo() ? "demo" : "system", clock.speed());
  }
}
