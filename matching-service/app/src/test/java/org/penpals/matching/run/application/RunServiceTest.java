package org.penpals.matching.run.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.penpals.contracts.registration.CycleStatus;
import org.penpals.matching.engine.Group;
import org.penpals.matching.engine.IdPair;
import org.penpals.matching.pool.Placement;
import org.penpals.matching.pool.Pool;
import org.penpals.matching.pool.PoolCycle;
import org.penpals.matching.pool.PoolMember;
import org.penpals.matching.run.domain.Run;
import org.penpals.matching.settings.SettingsStore;
import org.penpals.platform.domain.StateConflict;

/** One run per cycle at a time, across the service (fakes: no engine work happens). */
class RunServiceTest {
  final Map<String, Run> stored = new HashMap<>();
  final List<Runnable> queued = new ArrayList<>();
  final Set<String> held = ConcurrentHashMap.newKeySet();

  final Pool pool =
      new Pool() {
        @Override
        public Optional<PoolMember> member(String participantId) {
          return Optional.empty();
        }

        @Override
        public void save(PoolMember member) {}

        @Override
        public void place(String participantId, Placement placement, List<?> events) {}

        @Override
        public List<PoolMember> members(String cycleId) {
          return List.of();
        }

        @Override
        public Optional<PoolCycle> cycle(String cycleId) {
          return Optional.of(
              new PoolCycle(cycleId, "c", CycleStatus.REGISTRATION_CLOSED, LocalDate.now()));
        }

        @Override
        public void save(PoolCycle cycle) {}

        @Override
        public void erase(String participantId) {}
      };

  final RunStore runs =
      new RunStore() {
        @Override
        public boolean insert(Run run) {
          return stored.putIfAbsent(run.id(), run) == null;
        }

        @Override
        public void update(Run run) {
          stored.put(run.id(), run);
        }

        @Override
        public boolean finish(Run run) {
          if (!stored.get(run.id()).running()) {
            return false;
          }
          stored.put(run.id(), run);
          return true;
        }

        @Override
        public void progress(String runId, String phase, double fraction, String message) {}

        @Override
        public Optional<Run> find(String runId) {
          return Optional.ofNullable(stored.get(runId));
        }

        @Override
        public List<Run> ofCycle(String cycleId) {
          return List.copyOf(stored.values());
        }

        @Override
        public void saveGroups(String runId, List<Group> groups) {}

        @Override
        public List<Group> groups(String runId) {
          return List.of();
        }

        @Override
        public List<Group> groups(String runId, int page, int size) {
          return List.of();
        }

        @Override
        public long groupCount(String runId) {
          return 0;
        }

        @Override
        public void replaceGroups(String runId, Map<Integer, Group> byIndex) {}
      };

  final AdjustmentStore adjustments =
      new AdjustmentStore() {
        @Override
        public Set<IdPair> locked(String cycleId) {
          return Set.of();
        }

        @Override
        public Set<IdPair> forbidden(String cycleId) {
          return Set.of();
        }

        @Override
        public void lock(String cycleId, IdPair pair) {}

        @Override
        public void unlock(String cycleId, IdPair pair) {}

        @Override
        public void forbid(String cycleId, IdPair pair) {}

        @Override
        public void allow(String cycleId, IdPair pair) {}

        @Override
        public Set<IdPair> previousPartners() {
          return Set.of();
        }
      };

  /** A lease per cycle, as the MongoDB lock gives one across instances. */
  final RunService.CycleLocks locks =
      (cycleId, atMost) ->
          held.add(cycleId) ? Optional.of(() -> held.remove(cycleId)) : Optional.empty();

  final RunService service =
      new RunService(
          pool,
          runs,
          adjustments,
          (SettingsStore) null,
          locks,
          queued::add,
          Clock.fixed(Instant.parse("2027-01-01T00:00:00Z"), ZoneOffset.UTC));

  @Test
  void shouldRefuseASecondRunOfACycleWhileTheFirstIsGoing() {
    Run first = service.start("c-1", RunService.Kind.INITIAL, run -> {});

    assertThat(first.status()).isEqualTo("RUNNING");
    assertThatThrownBy(() -> service.start("c-1", RunService.Kind.INITIAL, run -> {}))
        .isInstanceOf(StateConflict.class)
        .hasMessageContaining("already in progress");
    assertThat(service.start("c-2", RunService.Kind.INITIAL, run -> {}).status())
        .isEqualTo("RUNNING");
  }

  @Test
  void shouldRefuseWhenAnotherInstanceHoldsTheCyclesLease() {
    held.add("c-3"); // another instance runs it

    assertThatThrownBy(() -> service.start("c-3", RunService.Kind.INITIAL, run -> {}))
        .isInstanceOf(StateConflict.class);
    assertThat(queued).isEmpty();
  }

  @Test
  void shouldRunOnTheCallersThreadAndRefuseASecondRunWithTheSameId() {
    Run run = service.runNow("c-4", RunService.Kind.REMATCH, "rematch-1");

    assertThat(run.running()).isFalse(); // finished (failed here: the fakes have no settings)
    assertThat(stored.get("rematch-1").running()).isFalse();
    assertThat(held).doesNotContain("c-4");
    assertThatThrownBy(() -> service.runNow("c-4", RunService.Kind.REMATCH, "rematch-1"))
        .isInstanceOf(StateConflict.class);
    assertThat(held).doesNotContain("c-4");
  }

  @Test
  void shouldAbandonARunLeftRunningOnlyOnceNobodyHoldsItsLease() {
    Run left = Run.started("rematch-2", "c-5", "REMATCH", Instant.parse("2027-01-01T00:00:00Z"));
    stored.put(left.id(), left);
    held.add("c-5"); // its instance's lease has not expired

    assertThat(service.abandonIfInterrupted("rematch-2")).isFalse();
    assertThat(stored.get("rematch-2").running()).isTrue();

    held.remove("c-5"); // the lease expired
    assertThat(service.abandonIfInterrupted("rematch-2")).isTrue();
    assertThat(stored.get("rematch-2").status()).isEqualTo("FAILED");
    assertThat(stored.get("rematch-2").error()).contains("interrupted");
  }
}
