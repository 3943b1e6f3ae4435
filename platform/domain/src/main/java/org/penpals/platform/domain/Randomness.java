package org.penpals.platform.domain;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;

/**
 * Cryptographically strong random ids and bytes without a shared lock.
 *
 * <p>{@link UUID#randomUUID()} and {@code new SecureRandom()} both end in the JDK's one {@code
 * NativePRNG} on Linux, whose {@code nextBytes} is synchronised across the whole process. Under
 * load every request thread queues on it (the apply benchmark's JFR recording showed it as the
 * second most contended monitor of registration-service). Here each thread has its own {@code DRBG}
 * (NIST SP 800-90A Hash_DRBG, seeded from the operating system), so ids and tokens are as strong as
 * before and threads never wait for each other.
 */
public final class Randomness {
  private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Randomness::drbg);

  private Randomness() {}

  /** A random (version 4) UUID, as {@link UUID#randomUUID()} makes it. */
  public static UUID uuid() {
    byte[] b = bytes(16);
    b[6] = (byte) ((b[6] & 0x0f) | 0x40); // version 4
    b[8] = (byte) ((b[8] & 0x3f) | 0x80); // IETF variant
    long msb = 0;
    long lsb = 0;
    for (int i = 0; i < 8; i++) {
      msb = (msb << 8) | (b[i] & 0xff);
      lsb = (lsb << 8) | (b[i + 8] & 0xff);
    }
    return new UUID(msb, lsb);
  }

  /** {@link #uuid()} as a string. */
  public static String uuidString() {
    return uuid().toString();
  }

  /** {@code n} random bytes. */
  public static byte[] bytes(int n) {
    byte[] bytes = new byte[n];
    RANDOM.get().nextBytes(bytes);
    return bytes;
  }

  private static SecureRandom drbg() {
    try {
      return SecureRandom.getInstance("DRBG");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("this JDK has no DRBG SecureRandom", e);
    }
  }
}
