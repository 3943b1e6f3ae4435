package org.penpals.gateway.console;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.List;
import org.penpals.platform.web.Problems;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Errors outside a controller: a page for browsers, an RFC 9457 problem for everyone else; never a
 * stack trace.
 */
@Controller
class GatewayErrorController implements ErrorController {

  @RequestMapping(value = "${server.error.path:/error}", produces = MediaType.TEXT_HTML_VALUE)
  String page(HttpServletRequest request, HttpServletResponse response, Model model) {
    HttpStatus status = status(request);
    response.setStatus(status.value());
    model.addAttribute("status", status.value());
    model.addAttribute("title", status.getReasonPhrase());
    model.addAttribute(
        "detail",
        switch (status) {
          case NOT_FOUND -> "There is no such page.";
          case FORBIDDEN -> "Your role does not allow this.";
          default ->
              status.is5xxServerError()
                  ? "Something went wrong on our side. It has been logged."
                  : status.getReasonPhrase();
        });
    return "console/problem";
  }

  @RequestMapping("${server.error.path:/error}")
  @ResponseBody
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    HttpStatus status = status(request);
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

  private static HttpStatus status(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
  }
}
