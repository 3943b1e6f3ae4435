/**
 * Penpals integration events: the only types services share on the wire.
 *
 * <p>Every event is a record of business data. Its identity (event id), time, type and subject
 * travel in CloudEvents headers ({@link org.penpals.contracts.CloudEventHeaders}); the record is
 * the {@code data}, serialised as JSON and described by a JSON Schema under {@code
 * /schemas/<type>.json}. Topic names are in {@link org.penpals.contracts.Topics}; the catalog of
 * every event type is {@link org.penpals.contracts.EventCatalog}.
 */
@NullMarked
package org.penpals.contracts;

import org.jspecify.annotations.NullMarked;
