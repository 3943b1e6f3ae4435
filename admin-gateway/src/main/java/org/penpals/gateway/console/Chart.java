package org.penpals.gateway.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A chart of the dashboard: drawn by Chart.js from its {@code data-chart} attribute, and always
 * also given as a table (for screen readers, and for anyone who prefers numbers).
 *
 * @param type {@code bar}, {@code horizontalBar}, {@code line} or {@code doughnut}
 */
public record Chart(
    String id, String title, String type, String series, List<String> labels, List<Long> values) {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  public String json() {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("type", type);
    spec.put("series", series);
    spec.put("labels", labels);
    spec.put("values", values);
    return JSON.writeValueAsString(spec);
  }

  public long total() {
    return values.stream().mapToLong(Long::longValue).sum();
  }

  public List<Map.Entry<String, Long>> rows() {
    List<Map.Entry<String, Long>> rows = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      rows.add(Map.entry(labels.get(i), values.get(i)));
    }
    return rows;
  }

  /** From a JSON object of counts, largest first, at most {@code limit} (the rest as "Other"). */
  static Chart ofCounts(
      String id,
      String title,
      String type,
      String series,
      JsonNode counts,
      int limit,
      Labeler label) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>();
    counts.properties().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue().asLong())));
    entries.sort(
        Map.Entry.<String, Long>comparingByValue()
            .reversed()
            .thenComparing(Map.Entry.comparingByKey()));
    List<String> labels = new ArrayList<>();
    List<Long> values = new ArrayList<>();
    long other = 0;
    for (int i = 0; i < entries.size(); i++) {
      if (i < limit) {
        labels.add(label.label(entries.get(i).getKey()));
        values.add(entries.get(i).getValue());
      } else {
        other += entries.get(i).getValue();
      }
    }
    if (other > 0) {
      labels.add("Other");
      values.add(other);
    }
    return new Chart(id, title, type, series, labels, values);
  }

  /** From a JSON object of counts keyed by ISO date, in date order. */
  static Chart ofDays(String id, String title, String series, JsonNode counts) {
    List<Map.Entry<String, Long>> entries = new ArrayList<>();
    counts.properties().forEach(e -> entries.add(Map.entry(e.getKey(), e.getValue().asLong())));
    entries.sort(Comparator.comparing(Map.Entry::getKey));
    return new Chart(
        id,
        title,
        "line",
        series,
        entries.stream().map(Map.Entry::getKey).toList(),
        entries.stream().map(Map.Entry::getValue).toList());
  }

  /** Turns a key into what people read. */
  @FunctionalInterface
  interface Labeler {
    String label(String key);

    static Labeler country() {
      return code -> {
        String name = new Locale("", code).getDisplayCountry(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name + " (" + code + ")";
      };
    }

    static Labeler language() {
      return code -> {
        String name = new Locale(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() || name.equals(code) ? code : name;
      };
    }

    static Labeler words() {
      return Words::constant;
    }
  }
}
