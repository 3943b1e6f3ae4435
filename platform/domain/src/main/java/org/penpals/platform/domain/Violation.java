package org.penpals.platform.domain;

/** One broken rule, named by the input field the client sent. */
public record Violation(String field, String message) {}
