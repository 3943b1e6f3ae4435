package org.penpals.prompt.config;

import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of prompt-service ({@code penpals.prompts.*}).
 *
 * @param clock the programme clock that decides when prompts are due
 * @param scheduler the durable scheduler
 * @param lateAfter a prompt sent more than this after it was due is marked {@code late}
 * @param quiet when partnerships are flagged quiet
 */
@ConfigurationProperties("penpals.prompts")
public record PromptProperties(
    @Nullable Clock clock,
    @Nullable Scheduler scheduler,
    @Nullable Duration lateAfter,
    @Nullable Quiet quiet) {

  public PromptProperties {
    clock = clock == null ? new Clock(null, null, null) : clock;
    scheduler = scheduler == null ? new Scheduler(null, null, null, null, null) : scheduler;
    lateAfter = lateAfter == null ? Duration.ofDays(1) : lateAfter;
    quiet = quiet == null ? new Quiet(null, null, null) : quiet;
  }

  /**
   * The programme clock.
   *
   * @param mode {@code system} (real time) or {@code demo} (starts at {@code start}, runs {@code
   *     speed} times faster than real time, and ADMIN staff may move it forward)
   * @param speed programme seconds per real second in demo mode; 0 freezes it (tests)
   * @param start the programme time a demo clock starts at; the real time if unset
   */
  public record Clock(@Nullable String mode, @Nullable Double speed, @Nullable Instant start) {
    public Clock {
      mode = mode == null || mode.isBlank() ? "system" : mode.strip().toLowerCase();
      if (!mode.equals("system") && !mode.equals("demo")) {
        throw new IllegalArgumentException("penpals.prompts.clock.mode must be system or demo");
      }
      speed = speed == null ? 1.0 : speed;
      if (speed < 0) {
        throw new IllegalArgumentException("penpals.prompts.clock.speed must not be negative");
      }
    }

    public boolean demo() {
      return "demo".equals(mode);
    }
  }

  /**
   * The scheduler.
   *
   * @param enabled whether this instance runs rounds at all
   * @param interval real time between rounds
   * @param lock whether rounds take a ShedLock lease so one instance runs them at a time (claims
   *     never double-send without it; the lease only saves duplicate work)
   * @param buckets documents each minute's due work is spread over (keeps them small)
   * @param batchSize due items claimed per bulk write
   */
  public record Scheduler(
      @Nullable Boolean enabled,
      @Nullable Duration interval,
      @Nullable Boolean lock,
      @Nullable Integer buckets,
      @Nullable Integer batchSize) {
    public Scheduler {
      enabled = enabled == null || enabled;
      interval = interval == null ? Duration.ofSeconds(1) : interval;
      lock = lock == null || lock;
      buckets = buckets == null ? 1024 : buckets;
      batchSize = batchSize == null ? 1000 : batchSize;
      if (buckets < 1 || buckets > 1024) {
        throw new IllegalArgumentException("penpals.prompts.scheduler.buckets must be 1..1024");
      }
    }
  }

  /**
   * Quiet partnerships.
   *
   * @param afterCheckIn how long after the check-in nobody's answer flags a partnership {@code
   *     NO_CHECK_IN}
   * @param reportGrace how long a partner reported silent has to answer before the partnership is
   *     flagged {@code REPORTED}; staff may set it per cycle
   * @param reminderInterval a partnership's quiet members are reminded at most once in this long
   *     (programme time); a report within it is recorded without a reminder
   */
  public record Quiet(
      @Nullable Duration afterCheckIn,
      @Nullable Duration reportGrace,
      @Nullable Duration reminderInterval) {
    public Quiet {
      afterCheckIn = afterCheckIn == null ? Duration.ofDays(7) : afterCheckIn;
      reportGrace = reportGrace == null ? Duration.ofDays(7) : reportGrace;
      reminderInterval = reminderInterval == null ? Duration.ofDays(7) : reminderInterval;
    }
  }
}
