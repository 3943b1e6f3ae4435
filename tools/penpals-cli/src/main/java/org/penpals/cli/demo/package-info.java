/**
 * The demo's decisions, apart from the stack it talks to: the country cap that waitlists exactly
 * the largest country, how many people withdraw or report a quiet partner for a cohort's size,
 * which partnerships take part, and the comparison of the mails counted on Kafka with the local
 * inbox.
 */
@NullMarked
package org.penpals.cli.demo;

import org.jspecify.annotations.NullMarked;
