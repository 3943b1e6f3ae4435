package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.Rules;
import org.penpals.registration.participant.application.Waitlist;

/** Waitlisted applicants staff admit. */
public record AdmissionRequest(
    @ArraySchema(
            arraySchema =
                @Schema(
                    description = "1-500 distinct ids of waitlisted applications to this cycle",
                    requiredMode = Schema.RequiredMode.REQUIRED),
            minItems = 1,
            maxItems = Waitlist.MAX_ADMISSIONS,
            uniqueItems = true)
        @Nullable List<@Nullable String> participantIds) {

  static final int MAX_ID_LENGTH = 100;

  /** The ids, checked: 1-500 of them, none blank, none twice. */
  List<String> ids() {
    Rules rules = new Rules();
    if (participantIds == null
        || participantIds.isEmpty()
        || participantIds.size() > Waitlist.MAX_ADMISSIONS) {
      rules.add("participantIds", "must list 1 to " + Waitlist.MAX_ADMISSIONS + " ids");
      rules.throwIfAny();
    }
    List<String> ids = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < participantIds.size(); i++) {
      String id = participantIds.get(i);
      String field = "participantIds[" + i + "]";
      if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
        rules.add(field, "must be a participant id");
      } else if (!seen.add(id)) {
        rules.add(field, "is listed more than once");
      } else {
        ids.add(id);
      }
    }
    rules.throwIfAny();
    return ids;
  }
}
