/**
 * Talking to a running stack: the services' APIs over the JDK HTTP client (registration, matching,
 * prompt-service's clock and participant endpoints, messaging's announcements and conversations),
 * the local inbox, the services' topics through plain Kafka consumers and their consumer groups'
 * progress, a small closed-loop load runner that records latencies in an HdrHistogram, and a reader
 * of the services' Prometheus metrics.
 */
@NullMarked
package org.penpals.cli.stack;

import org.jspecify.annotations.NullMarked;
