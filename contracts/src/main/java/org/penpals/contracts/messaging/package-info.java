/**
 * Events published by messaging-service: mails ({@code penpals.messaging.mails.v1}, keyed by mail
 * id) and partner conversations ({@code penpals.messaging.conversations.v1}, keyed by partnership
 * id). They carry no message or mail content.
 */
@NullMarked
package org.penpals.contracts.messaging;

import org.jspecify.annotations.NullMarked;
