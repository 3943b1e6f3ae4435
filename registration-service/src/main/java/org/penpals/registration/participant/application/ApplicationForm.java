package org.penpals.registration.participant.application;

import org.penpals.registration.participant.domain.Consent;
import org.penpals.registration.participant.domain.Profile;

/** A validated application: the profile and the consents given with it. */
public record ApplicationForm(Profile profile, Consent consent) {}
