package org.penpals.prompt.library;

/** A prompt's title and Markdown body in another language. */
public record Translation(String title, String body) {}
