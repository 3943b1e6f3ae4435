package org.penpals.registration.shared;

/** One broken rule, named by the input field the client sent. */
public record Violation(String field, String message) {}
