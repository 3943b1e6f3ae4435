/**
 * The Penpals test kit: real infrastructure for integration tests, one of each per test JVM.
 *
 * <ul>
 *   <li>{@link org.penpals.platform.testkit.PenpalsIntegrationTest} — a Spring Boot test wired to
 *       the shared Kafka broker (Apache Kafka's own KRaft broker, in-JVM) and MongoDB-wire server;
 *   <li>{@link org.penpals.platform.testkit.TestTokens} — tokens for every role, expired ones and
 *       ones signed by a stranger;
 *   <li>{@link org.penpals.platform.testkit.TopicReader} — a plain Kafka consumer to assert on what
 *       reached a topic;
 *   <li>{@link org.penpals.platform.testkit.Api} — a small HTTP client for black-box API tests.
 * </ul>
 */
@NullMarked
package org.penpals.platform.testkit;

import org.jspecify.annotations.NullMarked;
