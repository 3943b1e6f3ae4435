package org.penpals.cli.demo;

/**
 * How many people take part in each life event, scaled to the cohort: a few in the default cohort
 * of 762, fewer in a small one, none where the cohort cannot do it (a count of zero is printed as
 * such).
 */
public final class Scale {
  /** At and above this many partnerships of two, the demo uses its larger counts. */
  static final int LARGE = 100;

  private Scale() {}

  /**
   * How many admitted applicants of the capped country withdraw while registration is open, each
   * freeing a place that admits the next in line (the rest of the waitlist is admitted by staff):
   * about a fifth of the waitlist, one to three, and never all of it, so that staff admit someone
   * too; with one person waiting, staff admit them.
   *
   * @param waitlisted applicants registration waitlisted
   * @param admittedOfCountry admitted applicants of the capped country (who could withdraw)
   */
  public static int freedPlaces(long waitlisted, long admittedOfCountry) {
    if (waitlisted < 2) {
      return 0;
    }
    long wanted = Math.max(1, Math.min(3, waitlisted / 5));
    return (int) Math.min(wanted, Math.min(waitlisted - 1, admittedOfCountry));
  }

  /**
   * How many partnered participants withdraw mid-cycle, each from a partnership of two: an even
   * number, so that their partners can be re-paired with each other.
   *
   * @param pairs active partnerships of two
   */
  public static int midCycleWithdrawals(int pairs) {
    if (pairs >= LARGE) {
      return 4;
    }
    return pairs >= 4 ? 2 : 0;
  }

  /**
   * How many participants report a quiet partner, each from a partnership of two of their own: some
   * are answered, the others go unanswered and ask for a new partner (an even number where the
   * cohort allows, so that they can be re-paired with each other).
   *
   * @param pairs active partnerships of two still free for it
   */
  public static QuietReports quietReports(int pairs) {
    if (pairs >= LARGE) {
      return new QuietReports(2, 4);
    }
    if (pairs >= 3) {
      return new QuietReports(1, 2);
    }
    if (pairs == 2) {
      return new QuietReports(1, 1);
    }
    return new QuietReports(0, pairs);
  }

  /**
   * @param answered reports whose quiet partner answers by writing to the reporter
   * @param unanswered reports left unanswered for the grace period: the reporter asks for a new
   *     partner
   */
  public record QuietReports(int answered, int unanswered) {
    public int total() {
      return answered + unanswered;
    }
  }
}
