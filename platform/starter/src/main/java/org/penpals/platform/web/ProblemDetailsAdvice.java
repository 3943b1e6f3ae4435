package org.penpals.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.ConstraintViolationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Every error a Penpals service answers is an RFC 9457 problem ({@code application/problem+json})
 * naming the offending fields in {@code errors[]}: never a stack trace, never a 500 for bad input.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {
  private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

  @ExceptionHandler(ProblemException.class)
  ResponseEntity<Object> problem(ProblemException e, HttpServletRequest request) {
    String title = e.status().getReasonPhrase();
    ProblemDetail body =
        Problems.problem(
            e.status(),
            e.type().toString().substring(Problems.TYPE_BASE.length()),
            title,
            e.getMessage(),
            e.errors());
    e.properties().forEach(body::setProperty);
    return respond(body, request);
  }

  @ExceptionHandler(org.penpals.platform.domain.InvalidInput.class)
  ResponseEntity<Object> domainInvalid(
      org.penpals.platform.domain.InvalidInput e, HttpServletRequest request) {
    return problem(
        ProblemException.invalid(
            e.violations().stream().map(v -> new FieldProblem(v.field(), v.message())).toList()),
        request);
  }

  @ExceptionHandler(org.penpals.platform.domain.StateConflict.class)
  ResponseEntity<Object> domainConflict(
      org.penpals.platform.domain.StateConflict e, HttpServletRequest request) {
    return problem(ProblemException.conflict(e.getMessage(), e.field()), request);
  }

  @ExceptionHandler(org.penpals.platform.domain.NotFound.class)
  ResponseEntity<Object> domainNotFound(
      org.penpals.platform.domain.NotFound e, HttpServletRequest request) {
    return problem(
        new ProblemException(
            HttpStatus.NOT_FOUND,
            "not-found",
            e.getMessage(),
            e.field() == null ? List.of() : List.of(new FieldProblem(e.field(), "does not exist"))),
        request);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  ResponseEntity<Object> constraintViolation(
      ConstraintViolationException e, HttpServletRequest request) {
    List<FieldProblem> errors =
        e.getConstraintViolations().stream()
            .map(v -> new FieldProblem(leaf(v.getPropertyPath().toString()), v.getMessage()))
            .sorted((a, b) -> a.field().compareTo(b.field()))
            .toList();
    return respond(invalid(errors), request);
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<Object> accessDenied(AccessDeniedException e, HttpServletRequest request) {
    return respond(
        Problems.problem(
            HttpStatus.FORBIDDEN,
            "forbidden",
            "Forbidden",
            "You are not allowed to do this.",
            List.of()),
        request);
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<Object> unauthenticated(AuthenticationException e, HttpServletRequest request) {
    return respond(
        Problems.problem(
            HttpStatus.UNAUTHORIZED,
            "unauthorized",
            "Unauthorized",
            "A valid bearer token is required.",
            List.of()),
        request);
  }

  /**
   * The database is away or overloaded (timeouts, no server, pool cleared): a temporary 503 the
   * client may retry, not a 500.
   */
  @ExceptionHandler({
    com.mongodb.MongoTimeoutException.class,
    com.mongodb.MongoSocketException.class,
    com.mongodb.MongoConnectionPoolClearedException.class,
    com.mongodb.MongoInterruptedException.class
  })
  ResponseEntity<Object> databaseUnavailable(Exception e, HttpServletRequest request) {
    log.warn(
        "database unavailable on {} {}: {}",
        request.getMethod(),
        request.getRequestURI(),
        e.toString());
    ResponseEntity<Object> response =
        respond(
            Problems.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "unavailable",
                "Service Unavailable",
                "The service cannot reach its database right now; try again shortly.",
                List.of()),
            request);
    return ResponseEntity.status(response.getStatusCode())
        .headers(response.getHeaders())
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(response.getBody());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
    log.error("unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
    return respond(
        Problems.problem(
            HttpStatus.INTERNAL_SERVER_ERROR,
            "internal",
            "Internal Server Error",
            "Something went wrong on our side. It has been logged.",
            List.of()),
        request);
  }

  // ------------------------------------------------ Spring MVC's own exceptions, with fields

  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return respond(invalid(fieldErrors(ex.getBindingResult())), request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<FieldProblem> errors = new ArrayList<>();
    ex.getParameterValidationResults()
        .forEach(
            result -> {
              String name = result.getMethodParameter().getParameterName();
              result
                  .getResolvableErrors()
                  .forEach(
                      error ->
                          errors.add(
                              new FieldProblem(
                                  name == null ? "parameter" : name,
                                  error.getDefaultMessage() == null
                                      ? "is invalid"
                                      : error.getDefaultMessage())));
            });
    return respond(invalid(errors), request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMissingServletRequestParameter(
      MissingServletRequestParameterException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return respond(
        invalid(List.of(new FieldProblem(ex.getParameterName(), "is required"))), request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    String expected =
        ex.getRequiredType() == null ? "another type" : ex.getRequiredType().getSimpleName();
    return respond(
        invalid(
            List.of(
                new FieldProblem(
                    name == null ? "parameter" : name, "must be a valid " + expected))),
        request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    if (causedBy(ex, BodyTooLargeException.class) != null) {
      return respond(tooLarge(), request);
    }
    return respond(invalid(List.of(unreadable(ex))), request);
  }

  @Override
  protected @Nullable ResponseEntity<Object> handleMaxUploadSizeExceededException(
      MaxUploadSizeExceededException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    return respond(tooLarge(), request);
  }

  @Override
  protected ResponseEntity<Object> createResponseEntity(
      @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
    if (body instanceof ProblemDetail problem) {
      if (problem.getType() == null || "about:blank".equals(problem.getType().toString())) {
        problem.setType(Problems.type("http-" + statusCode.value()));
      }
      problem.setInstance(URI.create(path(request)));
    }
    HttpHeaders out = new HttpHeaders();
    out.addAll(headers);
    out.setContentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(body, out, statusCode);
  }

  // ------------------------------------------------ helpers

  static ProblemDetail invalid(List<FieldProblem> errors) {
    return Problems.problem(
        HttpStatus.BAD_REQUEST, "invalid-input", "Invalid input", Problems.summary(errors), errors);
  }

  static ProblemDetail tooLarge() {
    return Problems.problem(
        HttpStatus.CONTENT_TOO_LARGE,
        "too-large",
        "Content Too Large",
        "The request body is larger than this endpoint accepts.",
        List.of(new FieldProblem("body", "is too large")));
  }

  private static List<FieldProblem> fieldErrors(BindingResult result) {
    List<FieldProblem> errors = new ArrayList<>();
    result
        .getFieldErrors()
        .forEach(
            e ->
                errors.add(
                    new FieldProblem(
                        e.getField(),
                        e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage())));
    result
        .getGlobalErrors()
        .forEach(
            e ->
                errors.add(
                    new FieldProblem(
                        e.getObjectName(),
                        e.getDefaultMessage() == null ? "is invalid" : e.getDefaultMessage())));
    errors.sort((a, b) -> a.field().compareTo(b.field()));
    return errors;
  }

  /** Names the JSON field a body could not be read at, and says why in plain words. */
  static FieldProblem unreadable(HttpMessageNotReadableException ex) {
    JacksonException jackson = causedBy(ex, JacksonException.class);
    if (jackson == null) {
      return new FieldProblem("body", "is missing or not readable");
    }
    String path = path(jackson);
    if (jackson instanceof UnrecognizedPropertyException u) {
      return new FieldProblem(path, "is not a known field");
    }
    if (jackson instanceof ValueInstantiationException v) {
      Throwable cause = v.getCause();
      return new FieldProblem(
          path.isEmpty() ? "body" : path,
          cause != null && cause.getMessage() != null ? cause.getMessage() : "is invalid");
    }
    if (jackson instanceof InvalidFormatException f) {
      Class<?> target = f.getTargetType();
      if (target != null && target.isEnum()) {
        return new FieldProblem(
            path, "must be one of " + java.util.Arrays.toString(target.getEnumConstants()));
      }
      return new FieldProblem(path, "must be a valid " + describe(target));
    }
    if (jackson instanceof MismatchedInputException m) {
      if (path.isEmpty()) {
        return new FieldProblem("body", "must be a JSON object");
      }
      String message = m.getOriginalMessage() == null ? "" : m.getOriginalMessage();
      if (message.contains("Null value for creator property")
          || message.contains("Missing")
          || message.contains("null")) {
        return new FieldProblem(path, "is required");
      }
      return new FieldProblem(path, "must be a valid " + describe(m.getTargetType()));
    }
    if (jackson instanceof StreamReadException) {
      return new FieldProblem(path.isEmpty() ? "body" : path, "is not well-formed JSON");
    }
    return new FieldProblem(path.isEmpty() ? "body" : path, "is not readable");
  }

  private static String describe(@Nullable Class<?> type) {
    if (type == null) {
      return "value";
    }
    if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
      return "whole number";
    }
    if (type == boolean.class || type == Boolean.class) {
      return "boolean (true or false)";
    }
    if (List.class.isAssignableFrom(type) || type.isArray()) {
      return "array";
    }
    if (type == String.class) {
      return "string";
    }
    if (type.getName().startsWith("java.time.")) {
      return type.getSimpleName() + " (ISO 8601)";
    }
    if (type.isRecord() || !type.getName().startsWith("java.")) {
      return "object";
    }
    return type.getSimpleName();
  }

  private static String path(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      if (ref.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(ref.getPropertyName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static <T extends Throwable> @Nullable T causedBy(Throwable e, Class<T> type) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String leaf(String propertyPath) {
    // "apply.arg0.email" -> "email"; keep nested paths below the argument
    String[] parts = propertyPath.split("\\.", 3);
    return parts.length == 3 ? parts[2] : parts[parts.length - 1];
  }

  private static String path(WebRequest request) {
    if (request instanceof NativeWebRequest n
        && n.getNativeRequest() instanceof HttpServletRequest servlet) {
      return servlet.getRequestURI();
    }
    return "/";
  }

  private static ResponseEntity<Object> respond(ProblemDetail body, WebRequest request) {
    body.setInstance(URI.create(path(request)));
    return ResponseEntity.status(body.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }

  private static ResponseEntity<Object> respond(ProblemDetail body, HttpServletRequest request) {
    body.setInstance(URI.create(request.getRequestURI()));
    return ResponseEntity.status(body.getStatus())
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(body);
  }
}
