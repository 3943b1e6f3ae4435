/**
 * Events published by prompt-service: what each participant is sent and when ({@code
 * penpals.prompts.deliveries.v1}) and how partnerships engage ({@code
 * penpals.prompts.engagement.v1}). Both keyed by partnership id.
 */
@NullMarked
package org.penpals.contracts.prompts;

import org.jspecify.annotations.NullMarked;
