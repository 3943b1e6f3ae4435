package org.penpals.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Whatever reaches the servlet container's error page (an error outside Spring MVC) is answered as
 * a problem too, without details: never Boot's default JSON, never a stack trace.
 */
@RestController
public class ProblemErrorController implements ErrorController {

  @RequestMapping(
      value = "${server.error.path:${error.path:/error}}",
      produces = {
        MediaType.APPLICATION_PROBLEM_JSON_VALUE,
        MediaType.APPLICATION_JSON_VALUE,
        "*/*"
      })
  public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer i
            ? HttpStatus.resolve(i) == null
                ? HttpStatus.INTERNAL_SERVER_ERROR
                : HttpStatus.valueOf(i)
            : HttpStatus.INTERNAL_SERVER_ERROR;
    ProblemDetail problem =
        Problems.problem(
            status,
            status.is5xxServerError() ? "internal" : "http-" + status.value(),
            status.getReasonPhrase(),
            status.is5xxServerError()
                ? "Something went wrong on our side. It has been logged."
                : status.getReasonPhrase(),
            List.of());
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    problem.setInstance(URI.create(uri == null ? "/" : uri.toString()));
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .header("Cache-Control", "no-store")
        .body(problem);
  }
}
