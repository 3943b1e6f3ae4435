package org.penpals.matching.settings;

import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.engine.ExperienceMode;
import org.penpals.matching.engine.LeftoverPolicy;
import org.penpals.matching.engine.Weights;
import org.penpals.platform.domain.Rules;

/**
 * How a cycle is matched, set by staff.
 *
 * @param weights points each criterion can give a pair
 * @param leftoverPolicy odd or unmatchable people join a trio, or wait
 * @param afterPublication {@code AUTOMATIC}: late applicants and people whose partner left are
 *     re-paired and published at once; {@code PROPOSE}: staff get a proposal to publish
 * @param quietRematch what happens when a participant whose reported silence went unanswered asks
 *     for a new partner: {@code AUTOMATIC} carries it out at once, {@code STAFF_APPROVAL} waits for
 *     a coordinator to approve or decline it
 */
public record MatchingSettings(
    Weights weights,
    LeftoverPolicy leftoverPolicy,
    AfterPublication afterPublication,
    QuietRematch quietRematch) {

  public enum AfterPublication {
    AUTOMATIC,
    PROPOSE
  }

  public enum QuietRematch {
    AUTOMATIC,
    STAFF_APPROVAL
  }

  public static final MatchingSettings DEFAULTS =
      new MatchingSettings(
          Weights.DEFAULTS, LeftoverPolicy.TRIOS, AfterPublication.PROPOSE, QuietRematch.AUTOMATIC);

  public MatchingSettings {
    Objects.requireNonNull(weights, "weights");
    Objects.requireNonNull(leftoverPolicy, "leftoverPolicy");
    Objects.requireNonNull(afterPublication, "afterPublication");
    Objects.requireNonNull(quietRematch, "quietRematch");
  }

  /** The settings as staff send them: anything omitted keeps its default. */
  public record Request(
      @Nullable WeightsRequest weights,
      @Nullable LeftoverPolicy leftoverPolicy,
      @Nullable AfterPublication afterPublication,
      @Nullable QuietRematch quietRematch) {

    public MatchingSettings toSettings() {
      Rules rules = new Rules();
      Weights d = Weights.DEFAULTS;
      WeightsRequest w =
          weights == null ? new WeightsRequest(null, null, null, null, null, null) : weights;
      int interests = points(w.interests(), d.interests(), "weights.interests", rules);
      int sector = points(w.sector(), d.sector(), "weights.sector", rules);
      int experience = points(w.experience(), d.experience(), "weights.experience", rules);
      int hours = points(w.workingHours(), d.workingHours(), "weights.workingHours", rules);
      int region =
          points(w.regionDiversity(), d.regionDiversity(), "weights.regionDiversity", rules);
      rules.require(
          interests + sector + experience + hours + region > 0,
          "weights",
          "at least one criterion must count");
      rules.throwIfAny();
      return new MatchingSettings(
          new Weights(
              interests,
              sector,
              experience,
              w.experienceMode() == null ? d.experienceMode() : w.experienceMode(),
              hours,
              region),
          leftoverPolicy == null ? DEFAULTS.leftoverPolicy() : leftoverPolicy,
          afterPublication == null ? DEFAULTS.afterPublication() : afterPublication,
          quietRematch == null ? DEFAULTS.quietRematch() : quietRematch);
    }

    private static int points(@Nullable Integer value, int fallback, String field, Rules rules) {
      if (value == null) {
        return fallback;
      }
      rules.require(value >= 0 && value <= 1000, field, "must be between 0 and 1000");
      return Math.max(0, Math.min(1000, value));
    }
  }

  public record WeightsRequest(
      @Nullable Integer interests,
      @Nullable Integer sector,
      @Nullable Integer experience,
      @Nullable ExperienceMode experienceMode,
      @Nullable Integer workingHours,
      @Nullable Integer regionDiversity) {}
}
