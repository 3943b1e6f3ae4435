package org.penpals.gateway.signin;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.penpals.gateway.staff.AccountService;
import org.penpals.gateway.staff.Passwords;
import org.penpals.gateway.staff.StaffAccounts;
import org.penpals.gateway.staff.StaffRole;
import org.penpals.gateway.support.MutableClock;
import org.penpals.platform.testkit.SharedInfrastructure;
import org.springframework.security.crypto.password.PasswordEncoder;

/** Password sign-in and lock-out against the MongoDB-wire server, with a clock moved by hand. */
class SignInServiceIT {
  private static final String PASSWORD = "a long enough password";

  private MongoClient client;
  private MutableClock clock;
  private AccountService accounts;
  private SignInService signIn;
  private String email;

  @BeforeEach
  void setUp() {
    client = MongoClients.create(SharedInfrastructure.mongoAddress());
    MongoDatabase database = client.getDatabase("penpals-gateway-sign-in-" + UUID.randomUUID());
    clock = new MutableClock(Instant.parse("2027-01-10T09:00:00Z"));
    PasswordEncoder encoder = Passwords.encoder();
    StaffAccounts store = new StaffAccounts(database);
    accounts = new AccountService(store, encoder, clock, Duration.ofDays(1));
    signIn =
        new SignInService(
            store, new SignInAttempts(database, 3, Duration.ofMinutes(15)), encoder, clock);
    email = "coordinator@penpals.test";
    var created = accounts.create(email, "C", StaffRole.COORDINATOR, List.of(), "test");
    accounts.changePassword(email, created.oneTimePassword(), PASSWORD, PASSWORD);
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  @Test
  void shouldSignInWithTheRightPassword() {
    assertThat(signIn.password(email, PASSWORD)).isInstanceOf(SignInService.SignedIn.class);
    assertThat(signIn.password(" Coordinator@Penpals.TEST ", PASSWORD))
        .isInstanceOf(SignInService.SignedIn.class);
  }

  @Test
  void shouldLockTheEmailAfterRepeatedFailuresUntilTheLockoutEnds() {
    // given three wrong passwords
    for (int i = 0; i < 3; i++) {
      assertThat(signIn.password(email, "wrong password " + i))
          .isInstanceOf(SignInService.Refused.class);
    }

    // when the right one comes while locked, then it is refused
    var locked = signIn.password(email, PASSWORD);
    assertThat(locked).isEqualTo(new SignInService.Refused(email, "locked"));

    // and after the lock-out it works again
    clock.advance(Duration.ofMinutes(15));
    assertThat(signIn.password(email, PASSWORD)).isInstanceOf(SignInService.SignedIn.class);
  }

  @Test
  void shouldTreatAnUnknownEmailExactlyLikeAKnownOne() {
    String unknown = "nobody@penpals.test";
    for (int i = 0; i < 3; i++) {
      assertThat(signIn.password(unknown, PASSWORD))
          .isEqualTo(new SignInService.Refused(unknown, i < 2 ? "refused" : "locked"));
    }
    assertThat(signIn.password(unknown, PASSWORD))
        .isEqualTo(new SignInService.Refused(unknown, "locked"));
  }

  @Test
  void shouldRefuseAnExpiredOneTimePassword() {
    String other = "fresh@penpals.test";
    var created = accounts.create(other, "F", StaffRole.VIEWER, List.of(), "test");
    clock.advance(Duration.ofDays(1));
    assertThat(signIn.password(other, created.oneTimePassword()))
        .isInstanceOf(SignInService.Refused.class);
  }
}
