package org.penpals.platform.web;

/**
 * One offending input, named as the client sent it: a JSON path into the body ({@code
 * languages[0].code}), a query parameter, a CSV column.
 */
public record FieldProblem(String field, String message) {}
