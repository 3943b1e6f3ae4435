package org.penpals.prompt.library;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.domain.NotFound;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The prompt library staff write: weekly topics and the touchpoints, in English with translations.
 * A cycle copies it at its first partnership; editing the library later changes only cycles that
 * start afterwards.
 */
@RestController
@RequestMapping("/api/prompts/library")
@Tag(name = "Prompt library", description = "Weekly topics, check-in and surveys (staff)")
@SecurityRequirement(name = "bearer")
public class LibraryController {
  private final PromptLibrary library;

  public LibraryController(PromptLibrary library) {
    this.library = library;
  }

  /** A prompt as staff send it. */
  public record PromptRequest(
      @Nullable String id,
      @Nullable PromptKind kind,
      @Nullable String title,
      @Nullable String body,
      @Nullable String theme,
      @Nullable Map<String, Translation> translations,
      @Nullable Integer position) {

    LibraryPrompt toPrompt(String id) {
      return new LibraryPrompt(
          id,
          kind,
          title,
          body,
          theme,
          translations == null ? Map.of() : new LinkedHashMap<>(translations),
          position == null ? 0 : position);
    }
  }

  @GetMapping
  @Operation(summary = "Every prompt of the library: topics in programme order, then touchpoints")
  public List<LibraryPrompt> list() {
    return library.all();
  }

  @GetMapping("/{promptId}")
  @Operation(summary = "One prompt")
  public LibraryPrompt get(@PathVariable String promptId) {
    return library.find(promptId).orElseThrow(() -> new NotFound("prompt " + promptId, "promptId"));
  }

  @PostMapping
  @Operation(summary = "Add a prompt (an id is made if none is given)")
  public ResponseEntity<LibraryPrompt> create(@RequestBody @Nullable PromptRequest request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    String id = request.id() == null ? "lp-" + UUID.randomUUID() : request.id();
    LibraryPrompt prompt = request.toPrompt(id);
    library.insert(prompt);
    return ResponseEntity.created(URI.create("/api/prompts/library/" + id)).body(prompt);
  }

  @PutMapping("/{promptId}")
  @Operation(summary = "Replace a prompt's text (its kind stays)")
  public LibraryPrompt update(
      @PathVariable String promptId, @RequestBody @Nullable PromptRequest request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    LibraryPrompt current = get(promptId);
    if (request.id() != null && !request.id().equals(promptId)) {
      throw InvalidInput.of("id", "must match the prompt's id in the path");
    }
    if (request.kind() != null && request.kind() != current.kind()) {
      throw InvalidInput.of("kind", "cannot change; add a new prompt instead");
    }
    LibraryPrompt prompt =
        new PromptRequest(
                promptId,
                current.kind(),
                request.title(),
                request.body(),
                request.theme(),
                request.translations(),
                request.position())
            .toPrompt(promptId);
    if (!library.update(prompt)) {
      throw new NotFound("prompt " + promptId, "promptId");
    }
    return prompt;
  }
}
