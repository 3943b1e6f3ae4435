/**
 * A seeded generator of synthetic applicants with the skew of a real programme: many from
 * Australia, the US and the UK and a long tail of small countries; English dominant but not
 * universal; time zones, sectors, interests, experience and partner preferences varied enough that
 * matching has real structure, including people who are hard to match.
 *
 * <p>Entry point: {@link org.penpals.cohort.CohortGenerator}. Every {@link
 * org.penpals.cohort.SyntheticApplicant} it makes is valid under the registration API's rules.
 */
@NullMarked
package org.penpals.cohort;

import org.jspecify.annotations.NullMarked;
