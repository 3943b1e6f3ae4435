package org.penpals.gateway.console;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.penpals.gateway.route.GatewayProblem;
import org.penpals.gateway.route.ServiceClient;
import org.penpals.gateway.route.ServiceProblem;
import org.penpals.gateway.staff.StaffAccount;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.staff.StaffPrincipal;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The console's view of the services: calls, plain Java values for templates, graceful gaps. */
@Component
class Services {
  private final ServiceClient client;
  private final JsonMapper json;
  private final StaffAccounts accounts;

  Services(ServiceClient client, JsonMapper json, StaffAccounts accounts) {
    this.client = client;
    this.json = json;
    this.accounts = accounts;
  }

  /**
   * Staff members' names by staff id (the {@code sub} of the tokens the services saw, which they
   * record as who decided or wrote something); empty when the gateway's database is away.
   */
  Map<String, String> staffNames() {
    Map<String, String> names = new LinkedHashMap<>();
    try {
      for (StaffAccount a : accounts.all()) {
        names.put(a.staffId(), a.displayName().isBlank() ? a.email() : a.displayName());
      }
    } catch (RuntimeException e) {
      // the ids will do
    }
    return names;
  }

  ServiceClient client() {
    return client;
  }

  JsonNode get(StaffPrincipal staff, String path) {
    return client.get(staff, path);
  }

  JsonNode post(StaffPrincipal staff, String path, @Nullable Object body) {
    return client.post(staff, path, body);
  }

  JsonNode put(StaffPrincipal staff, String path, @Nullable Object body) {
    return client.put(staff, path, body);
  }

  JsonNode delete(StaffPrincipal staff, String path, @Nullable Object body) {
    return client.delete(staff, path, body);
  }

  /**
   * The answer, or empty when the service is away or refuses; the reason is put in the model as
   * {@code gaps} so that the page can say what is missing.
   */
  Optional<JsonNode> optional(Model model, String what, Supplier<JsonNode> call) {
    try {
      return Optional.of(call.get());
    } catch (GatewayProblem | ServiceProblem e) {
      gap(model, what + ": " + e.getMessage());
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  static void gap(Model model, String message) {
    Object gaps = model.getAttribute("gaps");
    List<String> list = gaps instanceof List<?> l ? (List<String>) l : new ArrayList<>();
    list.add(message);
    model.addAttribute("gaps", list);
  }

  /** JSON as maps, lists and values, which templates read with {@code ${x.name}}. */
  Object plain(JsonNode node) {
    return json.treeToValue(node, Object.class);
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> list(JsonNode node) {
    Object plain = plain(node);
    return plain instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(JsonNode node) {
    Object plain = plain(node);
    return plain instanceof Map<?, ?> m ? (Map<String, Object>) m : new LinkedHashMap<>();
  }

  /**
   * A cycle of the registration service as a template reads it, with its {@link CycleStage} under
   * {@code stage} (null for a status the console does not know).
   */
  Map<String, Object> cycle(StaffPrincipal staff, String cycleId) {
    return withStage(map(get(staff, "/api/registration/cycles/" + enc(cycleId))));
  }

  /**
   * The names of participants by id, as the registration service knows them (an erased one has
   * none; an id it cannot answer for stays as it is). At most {@code limit} are looked up, one call
   * each: the pages that use it show a handful of people.
   */
  Map<String, String> names(StaffPrincipal staff, java.util.Collection<String> ids, int limit) {
    Map<String, String> names = new LinkedHashMap<>();
    for (String id : ids) {
      if (names.containsKey(id)) {
        continue;
      }
      if (names.size() >= limit) {
        names.put(id, id);
        continue;
      }
      try {
        JsonNode application = get(staff, "/api/registration/applications/" + enc(id));
        JsonNode profile = application.path("profile");
        names.put(
            id,
            profile.isObject() ? profile.path("fullName").asString(id) : "(personal data erased)");
      } catch (GatewayProblem | ServiceProblem e) {
        names.put(id, id);
      }
    }
    return names;
  }

  /**
   * The names of a cycle's applicants by id, read with the applicant search a page of 200 at a
   * time, for cycles of up to {@code maxPeople} applicants (empty beyond: the ids will do).
   */
  Map<String, String> namesOfCycle(StaffPrincipal staff, String cycleId, int maxPeople) {
    Map<String, String> names = new LinkedHashMap<>();
    int size = 200;
    for (int page = 0; page * size < maxPeople; page++) {
      JsonNode result =
          get(
              staff,
              "/api/registration/cycles/"
                  + enc(cycleId)
                  + "/applications?size="
                  + size
                  + "&page="
                  + page);
      if (page == 0 && result.path("total").asLong() > maxPeople) {
        return Map.of();
      }
      for (JsonNode a : result.path("items")) {
        JsonNode profile = a.path("profile");
        names.put(
            a.path("id").asString(""),
            profile.isObject() ? profile.path("fullName").asString("") : "(personal data erased)");
      }
      if ((long) (page + 1) * size >= result.path("total").asLong()) {
        break;
      }
    }
    return names;
  }

  static Map<String, Object> withStage(Map<String, Object> cycle) {
    Object status = cycle.get("status");
    cycle.put("stage", CycleStage.of(status == null ? null : status.toString()));
    return cycle;
  }

  static String enc(@Nullable String value) {
    return value == null ? "" : URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  /** {@code ?a=1&b=2} of the non-blank values, or empty. */
  static String query(Map<String, @Nullable Object> params) {
    StringBuilder q = new StringBuilder();
    params.forEach(
        (k, v) -> {
          if (v != null && !v.toString().isBlank()) {
            q.append(q.isEmpty() ? '?' : '&').append(enc(k)).append('=').append(enc(v.toString()));
          }
        });
    return q.toString();
  }
}
