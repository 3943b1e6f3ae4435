package org.penpals.matching.run.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.penpals.matching.engine.Candidate;
import org.penpals.matching.engine.IdPair;
import org.penpals.matching.engine.LeftoverPolicy;
import org.penpals.matching.engine.MatchingEngine;
import org.penpals.matching.engine.MatchingRequest;
import org.penpals.matching.engine.MatchingResult;
import org.penpals.matching.engine.Rules;
import org.penpals.matching.engine.SectorPreference;
import org.penpals.matching.run.application.Candidates;
import org.penpals.matching.settings.MatchingSettings;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stateless what-if: match a cohort given in the request (JSON or CSV) and return the matching and
 * its quality report, touching nothing stored.
 */
@RestController
@RequestMapping("/api/matching/what-if")
@Tag(name = "What-if", description = "Match a cohort sent in the request; nothing is stored")
@SecurityRequirement(name = "bearer")
public class WhatIfController {
  private final MatchingEngine engine = new MatchingEngine();
  private final int maxCandidates;

  public WhatIfController(
      @Value("${penpals.matching.what-if-max-candidates:5000}") int maxCandidates) {
    this.maxCandidates = maxCandidates;
  }

  /** A person in a what-if cohort; lists of ISO codes, an IANA zone. */
  public record CandidateInput(
      @Nullable String id,
      @Nullable String personKey,
      @Nullable String country,
      @Nullable String timeZone,
      @Nullable List<String> correspondenceLanguages,
      @Nullable List<String> otherLanguages,
      @Nullable List<String> interests,
      @Nullable String sector,
      @Nullable SectorPreference sectorPreference,
      @Nullable Integer yearsInProfession,
      @Nullable List<String> avoidCountries) {}

  public record WhatIf(
      @Nullable LocalDate partnershipStart,
      MatchingSettings.@Nullable WeightsRequest weights,
      @Nullable LeftoverPolicy leftoverPolicy,
      @Nullable List<CandidateInput> candidates,
      @Nullable List<List<String>> lockedPairs,
      @Nullable List<List<String>> forbiddenPairs) {}

  @PostMapping(consumes = "application/json")
  @Operation(summary = "Match a cohort given as JSON")
  public MatchingResult json(@RequestBody @Nullable WhatIf request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    return match(
        request.candidates(),
        request.partnershipStart(),
        request.weights(),
        request.leftoverPolicy(),
        request.lockedPairs(),
        request.forbiddenPairs());
  }

  @PostMapping(consumes = "text/csv")
  @Operation(
      summary = "Match a cohort given as CSV",
      description =
          "Header: id,country,timeZone,correspondenceLanguages,otherLanguages,interests,sector,"
              + "sectorPreference,yearsInProfession,avoidCountries (lists separated by ';').")
  public MatchingResult csv(
      @RequestBody @Nullable String csv,
      @RequestParam(required = false) @Nullable LocalDate partnershipStart,
      @RequestParam(required = false) @Nullable LeftoverPolicy leftoverPolicy) {
    if (csv == null || csv.isBlank()) {
      throw InvalidInput.of("body", "is required");
    }
    return match(parse(csv), partnershipStart, null, leftoverPolicy, null, null);
  }

  private MatchingResult match(
      @Nullable List<CandidateInput> inputs,
      @Nullable LocalDate start,
      MatchingSettings.@Nullable WeightsRequest weights,
      @Nullable LeftoverPolicy policy,
      @Nullable List<List<String>> locked,
      @Nullable List<List<String>> forbidden) {
    List<Violation> violations = new ArrayList<>();
    if (inputs == null || inputs.size() < 2) {
      throw InvalidInput.of("candidates", "must list at least two people");
    }
    if (inputs.size() > maxCandidates) {
      throw InvalidInput.of(
          "candidates", "at most " + maxCandidates + " people; run larger cohorts as a cycle");
    }
    List<Candidate> candidates = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < inputs.size(); i++) {
      CandidateInput in = inputs.get(i);
      String field = "candidates[" + i + "]";
      if (in == null || in.id() == null || in.id().isBlank()) {
        violations.add(new Violation(field + ".id", "is required"));
        continue;
      }
      if (!ids.add(in.id())) {
        violations.add(new Violation(field + ".id", "is listed twice"));
        continue;
      }
      try {
        candidates.add(candidate(in));
      } catch (DateTimeException e) {
        violations.add(new Violation(field + ".timeZone", "must be an IANA time zone"));
      } catch (IllegalArgumentException | NullPointerException e) {
        violations.add(
            new Violation(field, e.getMessage() == null ? "is incomplete" : e.getMessage()));
      }
    }
    Set<IdPair> lockedPairs = pairs(locked, "lockedPairs", ids, violations);
    Set<IdPair> forbiddenPairs = pairs(forbidden, "forbiddenPairs", ids, violations);
    if (!violations.isEmpty()) {
      throw new InvalidInput(violations);
    }
    MatchingSettings settings =
        new MatchingSettings.Request(weights, policy, null, null).toSettings();
    return engine.match(
        MatchingRequest.of(
            candidates,
            new Rules(forbiddenPairs, lockedPairs, Set.of()),
            settings.weights(),
            settings.leftoverPolicy(),
            start == null ? LocalDate.now() : start));
  }

  private static Set<IdPair> pairs(
      @Nullable List<List<String>> pairs, String field, Set<String> ids, List<Violation> out) {
    Set<IdPair> result = new HashSet<>();
    if (pairs == null) {
      return result;
    }
    for (int i = 0; i < pairs.size(); i++) {
      List<String> pair = pairs.get(i);
      if (pair == null
          || pair.size() != 2
          || !ids.containsAll(pair)
          || pair.get(0).equals(pair.get(1))) {
        out.add(
            new Violation(
                field + "[" + i + "]", "must name two different candidates of the cohort"));
      } else {
        result.add(IdPair.of(pair.get(0), pair.get(1)));
      }
    }
    return result;
  }

  private static Candidate candidate(CandidateInput in) {
    String zone = in.timeZone() == null ? "" : in.timeZone();
    return new Candidate(
        in.id(),
        in.personKey() == null ? "what-if:" + in.id() : in.personKey(),
        in.country() == null ? "" : in.country().toUpperCase(Locale.ROOT),
        Candidates.region(zone),
        new LinkedHashSet<>(orEmpty(in.correspondenceLanguages())),
        new LinkedHashSet<>(orEmpty(in.otherLanguages())),
        new LinkedHashSet<>(orEmpty(in.interests())),
        in.sector() == null ? "OTHER" : in.sector(),
        in.sectorPreference() == null ? SectorPreference.NO_PREFERENCE : in.sectorPreference(),
        in.yearsInProfession() == null ? 0 : in.yearsInProfession(),
        ZoneId.of(zone),
        new LinkedHashSet<>(orEmpty(in.avoidCountries())));
  }

  private static List<String> orEmpty(@Nullable List<String> list) {
    return list == null ? List.of() : list;
  }

  private static List<CandidateInput> parse(String csv) {
    try (CSVParser parser =
        CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setTrim(true)
            .get()
            .parse(new StringReader(csv))) {
      List<CandidateInput> inputs = new ArrayList<>();
      for (CSVRecord r : parser) {
        inputs.add(
            new CandidateInput(
                get(r, "id"),
                null,
                get(r, "country"),
                get(r, "timeZone"),
                list(get(r, "correspondenceLanguages")),
                list(get(r, "otherLanguages")),
                list(get(r, "interests")),
                get(r, "sector"),
                get(r, "sectorPreference") == null
                    ? null
                    : SectorPreference.valueOf(get(r, "sectorPreference")),
                get(r, "yearsInProfession") == null
                    ? null
                    : Integer.valueOf(get(r, "yearsInProfession")),
                list(get(r, "avoidCountries"))));
      }
      return inputs;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw InvalidInput.of("body", "is not a readable cohort CSV: " + e.getMessage());
    }
  }

  private static @Nullable String get(CSVRecord r, String column) {
    if (!r.isMapped(column) || !r.isSet(column)) {
      return null;
    }
    String value = r.get(column);
    return value.isBlank() ? null : value;
  }

  private static List<String> list(@Nullable String value) {
    if (value == null) {
      return List.of();
    }
    return List.of(value.split(";")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
