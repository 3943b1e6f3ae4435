package org.penpals.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleTest {

  @Test
  void shouldFreeAFewPlacesAndLeaveTheRestOfTheWaitlistToStaff() {
    assertThat(Scale.freedPlaces(15, 121)).isEqualTo(3); // the default cohort
    assertThat(Scale.freedPlaces(7, 9)).isEqualTo(1); // the stack test's
    assertThat(Scale.freedPlaces(2, 5)).isEqualTo(1);
    assertThat(Scale.freedPlaces(1, 5)).isZero(); // staff admit the one waiting
    assertThat(Scale.freedPlaces(0, 5)).isZero();
    assertThat(Scale.freedPlaces(40, 2)).isEqualTo(2); // only two could withdraw
  }

  @Test
  void shouldWithdrawAnEvenNumberOfPartnersScaledToTheCohort() {
    assertThat(Scale.midCycleWithdrawals(350)).isEqualTo(4);
    assertThat(Scale.midCycleWithdrawals(18)).isEqualTo(2);
    assertThat(Scale.midCycleWithdrawals(3)).isZero();
  }

  @Test
  void shouldHaveSomeReportsAnsweredAndSomeNotScaledToTheCohort() {
    assertThat(Scale.quietReports(340)).isEqualTo(new Scale.QuietReports(2, 4));
    assertThat(Scale.quietReports(16)).isEqualTo(new Scale.QuietReports(1, 2));
    assertThat(Scale.quietReports(2)).isEqualTo(new Scale.QuietReports(1, 1));
    assertThat(Scale.quietReports(1)).isEqualTo(new Scale.QuietReports(0, 1));
    assertThat(Scale.quietReports(0).total()).isZero();
  }
}
