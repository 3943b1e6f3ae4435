package org.penpals.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A parsed command line: positionals (in order, wherever they stand) and {@code --name value} or
 * {@code --name=value} options, each given at most once. Commands read what they need and call
 * {@link #allowOnly} so that a misspelt option fails loudly instead of being ignored.
 */
public final class Arguments {
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");

  private final List<String> positionals;
  private final Map<String, String> options;

  private Arguments(List<String> positionals, Map<String, String> options) {
    this.positionals = List.copyOf(positionals);
    this.options = Map.copyOf(options);
  }

  public static Arguments parse(String... args) {
    List<String> positionals = new ArrayList<>();
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (!arg.startsWith("--") || arg.equals("--")) {
        positionals.add(arg);
        continue;
      }
      String name;
      String value;
      int equals = arg.indexOf('=');
      if (equals > 0) {
        name = arg.substring(2, equals);
        value = arg.substring(equals + 1);
      } else {
        name = arg.substring(2);
        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
          throw new UsageException("option --" + name + " needs a value");
        }
        value = args[++i];
      }
      if (name.isEmpty()) {
        throw new UsageException("an option needs a name: " + arg);
      }
      if (options.put(name, value) != null) {
        throw new UsageException("option --" + name + " given twice");
      }
    }
    return new Arguments(positionals, options);
  }

  public List<String> positionals() {
    return positionals;
  }

  /** The positional at {@code index}, or null. */
  public @Nullable String positional(int index) {
    return index < positionals.size() ? positionals.get(index) : null;
  }

  /** Fails on any option not in {@code names} and on more than {@code maxPositionals}. */
  public Arguments allowOnly(int maxPositionals, Set<String> names) {
    for (String name : options.keySet()) {
      if (!names.contains(name)) {
        throw new UsageException("unknown option --" + name);
      }
    }
    if (positionals.size() > maxPositionals) {
      throw new UsageException("unexpected argument: " + positionals.get(maxPositionals));
    }
    return this;
  }

  public String required(String name) {
    String value = options.get(name);
    if (value == null || value.isBlank()) {
      throw new UsageException("option --" + name + " is required");
    }
    return value;
  }

  public @Nullable String optional(String name) {
    return options.get(name);
  }

  public String option(String name, String defaultValue) {
    return options.getOrDefault(name, defaultValue);
  }

  public int intOption(String name, int defaultValue, int min, int max) {
    String value = options.get(name);
    if (value == null) {
      return defaultValue;
    }
    int parsed;
    try {
      parsed = Integer.parseInt(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number: " + value);
    }
    if (parsed < min || parsed > max) {
      throw new UsageException("--" + name + " must be between " + min + " and " + max);
    }
    return parsed;
  }

  public long longOption(String name, long defaultValue) {
    String value = options.get(name);
    if (value == null) {
      return defaultValue;
    }
    try {
      return Long.parseLong(value.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException("--" + name + " must be a whole number: " + value);
    }
  }

  public Duration durationOption(String name, Duration defaultValue) {
    String value = options.get(name);
    return value == null ? defaultValue : duration(name, value);
  }

  /**
   * {@code 500ms}, {@code 30s}, {@code 15m}, {@code 2h}, {@code 1d}, or ISO-8601 ({@code PT15M}).
   */
  static Duration duration(String name, String value) {
    Matcher m = DURATION.matcher(value.strip());
    Duration duration;
    if (m.matches()) {
      long amount = Long.parseLong(m.group(1));
      duration =
          switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
          };
    } else {
      try {
        duration = Duration.parse(value.strip());
      } catch (RuntimeException e) {
        throw new UsageException("--" + name + " must be a duration like 30s, 15m or 2h: " + value);
      }
    }
    if (duration.isNegative() || duration.isZero()) {
      throw new UsageException("--" + name + " must be positive: " + value);
    }
    return duration;
  }
}
