package org.penpals.gateway.api;

import org.penpals.platform.web.ProblemDetailsAdvice;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The platform's RFC 9457 answers for the gateway's own JSON API — and only for it: console pages
 * fail as pages.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ProblemDetailsAdvice {}
