package org.penpals.portal.support;

import java.security.KeyPair;
import org.penpals.platform.security.Tokens;

/** One RSA key pair per test JVM: the portal mints with its private half. */
public final class TestKeys {
  public static final KeyPair KEYS = Tokens.generateKeyPair();
  public static final String PRIVATE_PEM =
      Tokens.pem("PRIVATE KEY", KEYS.getPrivate().getEncoded());

  private TestKeys() {}
}
