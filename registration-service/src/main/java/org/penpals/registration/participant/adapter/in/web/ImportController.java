package org.penpals.registration.participant.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.registration.participant.application.ImportService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Staff import applications collected in a form tool. All or nothing: a file with any invalid row
 * is refused (422) with a report of every rejected row and why.
 */
@RestController
@RequestMapping("/api/registration/cycles/{cycleId}/imports")
@Tag(name = "Imports", description = "Staff: import applications from a form tool's CSV export")
@SecurityRequirement(name = "bearer")
public class ImportController {
  private final ImportService imports;

  public ImportController(ImportService imports) {
    this.imports = imports;
  }

  @PostMapping(consumes = "text/csv")
  @Operation(
      summary = "Import a CSV body (text/csv)",
      description =
          "Header row with the form's questions; columns are matched loosely (e.g. \"Email"
              + " address\", \"Country of work\", \"Languages\"). `dryRun=true` validates only.")
  public ResponseEntity<ImportService.Report> csv(
      @PathVariable String cycleId,
      @RequestBody(required = false) @Nullable String csv,
      @RequestParam(defaultValue = "false") boolean dryRun) {
    if (csv == null || csv.isBlank()) {
      throw InvalidInput.of("file", "is empty");
    }
    return respond(imports.importCsv(cycleId, csv, dryRun));
  }

  @PostMapping(consumes = "multipart/form-data")
  @Operation(summary = "Import a CSV file uploaded as the multipart part `file`")
  public ResponseEntity<ImportService.Report> upload(
      @PathVariable String cycleId,
      @RequestPart(name = "file", required = false) @Nullable MultipartFile file,
      @RequestParam(defaultValue = "false") boolean dryRun)
      throws IOException {
    if (file == null || file.isEmpty()) {
      throw InvalidInput.of("file", "is required");
    }
    return respond(
        imports.importCsv(cycleId, new String(file.getBytes(), StandardCharsets.UTF_8), dryRun));
  }

  private static ResponseEntity<ImportService.Report> respond(ImportService.Report report) {
    return ResponseEntity.status(report.dryRun() ? HttpStatus.OK : HttpStatus.CREATED).body(report);
  }
}
