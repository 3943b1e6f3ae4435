/**
 * Events published by matching-service: partnerships ({@code penpals.matching.partnerships.v1}),
 * placements of participants who could not be paired ({@code penpals.matching.participants.v1}) and
 * matching runs ({@code penpals.matching.runs.v1}).
 */
@NullMarked
package org.penpals.contracts.matching;

import org.jspecify.annotations.NullMarked;
