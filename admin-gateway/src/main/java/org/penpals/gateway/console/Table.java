package org.penpals.gateway.console;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * A table of whatever list a service returns: the columns are the scalar fields of its items (at
 * most {@code maxColumns}). The console shows the prompt and mail services' lists with it, so their
 * pages keep working while those APIs grow.
 */
public record Table(List<String> columns, List<List<String>> rows, List<String> ids) {

  static Table of(JsonNode list, int maxColumns) {
    JsonNode items = list.isArray() ? list : list.path("items");
    Set<String> columns = new LinkedHashSet<>();
    for (JsonNode item : items) {
      item.properties()
          .forEach(
              e -> {
                if (e.getValue().isValueNode() && columns.size() < maxColumns) {
                  columns.add(e.getKey());
                }
              });
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (JsonNode item : items) {
      List<String> row = new ArrayList<>();
      for (String c : columns) {
        JsonNode v = item.path(c);
        row.add(v.isMissingNode() || v.isNull() ? "" : v.asString());
      }
      rows.add(row);
      ids.add(item.path("id").asString(item.path("number").asString("")));
    }
    return new Table(List.copyOf(columns), rows, ids);
  }

  public List<String> headers() {
    return columns.stream().map(Words::constant).toList();
  }
}
