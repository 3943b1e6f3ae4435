/**
 * Talking to a running stack: the registration API over the JDK HTTP client, the participants topic
 * through a plain Kafka consumer, a small closed-loop load runner that records latencies in an
 * HdrHistogram, and a reader of the services' Prometheus metrics.
 */
@NullMarked
package org.penpals.cli.stack;

import org.jspecify.annotations.NullMarked;
