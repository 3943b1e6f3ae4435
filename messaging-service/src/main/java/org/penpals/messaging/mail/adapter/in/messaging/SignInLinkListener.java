package org.penpals.messaging.mail.adapter.in.messaging;

import java.util.function.Consumer;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.contracts.registration.SignInLinkRequested;
import org.penpals.messaging.mail.application.ProgrammeMail;
import org.penpals.platform.events.EventDispatcher;
import org.springframework.messaging.Message;

/**
 * Follows {@code penpals.registration.sign-in-links.v1} (consumer group {@value
 * ProgrammeListener#GROUP}): each {@code SignInLinkRequested} becomes one sign-in mail.
 * Redeliveries are skipped by event id and, failing that, by the mail's key (the token's hash);
 * records that still fail after retries go to the dead-letter topic like every binding's.
 */
public final class SignInLinkListener {
  private SignInLinkListener() {}

  public static Consumer<Message<byte[]>> of(ProgrammeMail mail, EventDispatcher.Factory events) {
    return events
        .forGroup(ProgrammeListener.GROUP)
        .on(
            RegistrationEvents.SIGN_IN_LINK_REQUESTED,
            e -> {
              SignInLinkRequested d = e.data();
              mail.signInLinkRequested(
                  d.participantId(),
                  d.cycleId(),
                  d.email(),
                  d.fullName(),
                  d.language(),
                  d.token(),
                  d.expiresAt());
            })
        .build();
  }
}
