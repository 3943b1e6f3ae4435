package org.penpals.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CouplesTest {

  @Test
  void shouldPickDisjointCompatibleCouplesInOrder() {
    // given: people and their countries; two people of one country cannot be partners
    List<String> people = List.of("a:US", "b:US", "c:AU", "d:GB", "e:GB", "f:US");

    // when
    List<List<String>> couples =
        Couples.pick(people, 3, (x, y) -> !x.substring(2).equals(y.substring(2)));

    // then
    assertThat(couples)
        .containsExactly(List.of("a:US", "c:AU"), List.of("b:US", "d:GB"), List.of("e:GB", "f:US"));
  }

  @Test
  void shouldStopAtTheNumberWantedAndAskAboutEachCoupleAtMostOnce() {
    // given
    List<List<Integer>> asked = new ArrayList<>();

    // when
    List<List<Integer>> couples =
        Couples.pick(
            List.of(1, 2, 3, 4, 5, 6),
            1,
            (x, y) -> {
              asked.add(List.of(x, y));
              return x + y == 5;
            });

    // then
    assertThat(couples).containsExactly(List.of(1, 4));
    assertThat(asked).doesNotHaveDuplicates().hasSize(3);
  }

  @Test
  void shouldPickFewerCouplesWhenTooFewAreCompatible() {
    assertThat(Couples.pick(List.of("a", "b", "c"), 2, (x, y) -> true)).hasSize(1);
    assertThat(Couples.pick(List.of("a", "b"), 1, (x, y) -> false)).isEmpty();
  }
}
