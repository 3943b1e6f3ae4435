package org.penpals.messaging.directory.adapter.out.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.penpals.messaging.directory.domain.Cycle;
import org.penpals.messaging.directory.domain.Recipient;
import org.penpals.messaging.support.AllAtOnce;
import org.penpals.messaging.support.OwnDatabase;

/**
 * The directory's copy of a participant against the MongoDB-wire server: only a newer revision
 * replaces it, whatever order copies arrive in and however many arrive at once, and nothing is
 * written over an erased participant's tombstone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MongoDirectoryIT {
  private OwnDatabase database;
  private MongoDirectory directory;

  @BeforeAll
  void directory() {
    database = new OwnDatabase("directory-it", MongoDirectory.indexes());
    directory = new MongoDirectory(database.database());
  }

  @AfterAll
  void drop() {
    database.close();
  }

  private static Recipient copy(String id, long revision) {
    return new Recipient(
        id,
        "cycle",
        revision,
        "Name " + revision,
        "r" + revision + "@example.org",
        "NL",
        "Library",
        "Europe/Amsterdam",
        "en",
        false);
  }

  @Test
  void shouldKeepTheNewestCopyWhateverOrderTheyArriveIn() {
    // given a participant the directory knew only from a partnership (no revision yet)
    String id = "p-" + UUID.randomUUID();
    directory.formed("partnership-" + id, "cycle", List.of(id, "other-" + id));

    // when revisions arrive out of order, one twice
    boolean second = directory.save(copy(id, 2));
    boolean first = directory.save(copy(id, 1));
    boolean again = directory.save(copy(id, 2));
    boolean third = directory.save(copy(id, 3));

    // then only the newer ones were written, and the partnership is still known
    assertThat(List.of(second, first, again, third)).containsExactly(true, false, false, true);
    assertThat(directory.recipient(id).orElseThrow().email()).isEqualTo("r3@example.org");
    assertThat(directory.partnershipsOf(id)).containsExactly("partnership-" + id);
  }

  @Test
  void shouldEndWithTheHighestRevisionWhenManyCopiesArriveAtOnce() throws Exception {
    // given 40 revisions of one participant, saved from four threads at the same moment
    String id = "p-" + UUID.randomUUID();
    AllAtOnce.run(
        4,
        thread -> {
          for (long revision = 1 + thread; revision <= 40; revision += 4) {
            directory.save(copy(id, revision));
          }
        });

    // then the kept copy is the newest
    assertThat(directory.recipient(id).orElseThrow().revision()).isEqualTo(40);
  }

  @Test
  void shouldNeverBringBackAnErasedParticipant() {
    // given an erased participant
    String id = "p-" + UUID.randomUUID();
    directory.save(copy(id, 1));
    directory.erase(id);

    // when a replayed or late copy arrives, even with a high revision
    boolean stored = directory.save(copy(id, 1_000));

    // then nothing personal is kept
    assertThat(stored).isFalse();
    assertThat(directory.erased(id)).isTrue();
    assertThat(directory.recipient(id)).isEmpty();
  }

  @Test
  void shouldKeepStandingFactsThatALaterProfileDoesNotCarry() {
    // given an applicant registration waitlisted, who confirmed their email and was admitted
    String id = "p-" + UUID.randomUUID();
    Recipient registered = copy(id, 1);
    directory.save(
        new Recipient(
            id,
            "cycle",
            1,
            registered.fullName(),
            registered.email(),
            "NL",
            "Library",
            "Europe/Amsterdam",
            "en",
            false,
            false,
            Recipient.WaitlistReason.COUNTRY_CAP,
            null,
            false));
    directory.verified(id);
    Instant admittedAt = Instant.parse("2030-02-01T10:00:00Z");
    directory.admitted(id, admittedAt);
    directory.waitlistedByMatching(id);

    // when a profile update arrives (it carries no standing)
    directory.save(copy(id, 4));

    // then the new details are kept and so is every fact
    Recipient kept = directory.recipient(id).orElseThrow();
    assertThat(kept.email()).isEqualTo("r4@example.org");
    assertThat(kept.verified()).isTrue();
    assertThat(kept.waitlistReason()).isEqualTo(Recipient.WaitlistReason.COUNTRY_CAP);
    assertThat(kept.admittedAt()).isEqualTo(admittedAt);
    assertThat(kept.onRegistrationWaitlist()).isFalse();
    assertThat(kept.waitlistedByMatching()).isTrue();
    assertThat(directory.recipientsOf("cycle")).extracting(Recipient::participantId).contains(id);
  }

  @Test
  void shouldNotMarkAnErasedParticipant() {
    String erased = "p-" + UUID.randomUUID();
    directory.save(copy(erased, 1));
    directory.erase(erased);

    assertThat(directory.admitted(erased, Instant.now())).isEmpty();
    assertThat(directory.verified(erased)).isEmpty();
    assertThat(directory.erased(erased)).isTrue();
    assertThat(directory.recipient(erased)).isEmpty();
  }

  @Test
  void shouldKeepFactsThatArriveBeforeTheParticipantsDetails() {
    // given a participant whose details have not arrived
    String early = "p-" + UUID.randomUUID();

    // when their standing facts arrive first (the topics are not ordered with each other)
    Instant admittedAt = Instant.parse("2030-02-01T10:00:00Z");
    assertThat(directory.admitted(early, admittedAt)).isEmpty();
    assertThat(directory.verified(early)).isEmpty();
    assertThat(directory.waitlistedByMatching(early)).isEmpty();
    assertThat(directory.recipient(early)).isEmpty();
    assertThat(directory.erased(early)).isFalse();

    // then the details, once they arrive, carry every fact
    assertThat(directory.save(copy(early, 1))).isTrue();
    Recipient kept = directory.recipient(early).orElseThrow();
    assertThat(kept.verified()).isTrue();
    assertThat(kept.admittedAt()).isEqualTo(admittedAt);
    assertThat(kept.waitlistedByMatching()).isTrue();
  }

  @Test
  void shouldNeverMoveACompletedOrArchivedCycleBack() {
    String id = "c-" + UUID.randomUUID();
    directory.cycle(new Cycle(id, "2031 cycle 1", Cycle.Status.REGISTRATION_CLOSED));
    directory.cycle(new Cycle(id, "2031 cycle 1", Cycle.Status.REGISTRATION_OPEN));
    assertThat(directory.cycle(id).orElseThrow().status())
        .isEqualTo(Cycle.Status.REGISTRATION_OPEN); // registration may reopen

    directory.cycle(new Cycle(id, "2031 cycle 1", Cycle.Status.ARCHIVED));
    directory.cycle(new Cycle(id, "2031 cycle 1", Cycle.Status.COMPLETED)); // a replay

    assertThat(directory.cycle(id).orElseThrow().archived()).isTrue();
  }
}
