package org.penpals.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.penpals.platform.security.Tokens;

/**
 * {@code keys --dir DIR}: the local stack's secrets, made once. An RSA key pair for tokens ({@code
 * jwt-private.pem}, {@code jwt-public.pem}) and the secret behind pseudonymous person keys ({@code
 * person-key-secret}, 32 random bytes in base64), each only if absent; the directory and the files
 * readable by the owner only. Prints one line.
 */
final class KeysCommand implements Command {
  static final String PRIVATE_KEY = "jwt-private.pem";
  static final String PUBLIC_KEY = "jwt-public.pem";
  static final String PERSON_KEY_SECRET = "person-key-secret";

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");
  private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");

  private final SecureRandom random = new SecureRandom();

  @Override
  public String name() {
    return "keys";
  }

  @Override
  public String usage() {
    return "keys --dir DIR      create the JWT key pair and the person-key secret in DIR if absent";
  }

  @Override
  public int run(Arguments args, PrintStream out, PrintStream err) {
    args.allowOnly(1, Set.of("dir"));
    Path dir = Path.of(args.required("dir"));
    try {
      Files.createDirectories(dir);
      restrict(dir, OWNER_ONLY_DIRECTORY);
      List<String> created = new ArrayList<>();
      boolean hasPrivate = Files.exists(dir.resolve(PRIVATE_KEY));
      boolean hasPublic = Files.exists(dir.resolve(PUBLIC_KEY));
      if (hasPrivate != hasPublic) {
        throw new CommandFailed(
            "only half a key pair in "
                + dir
                + ": remove "
                + (hasPrivate ? PRIVATE_KEY : PUBLIC_KEY)
                + " to make a new pair, or restore the other half");
      }
      if (!hasPrivate) {
        Tokens.writePem(Tokens.generateKeyPair(), dir);
        created.add(PRIVATE_KEY);
        created.add(PUBLIC_KEY);
      }
      restrict(dir.resolve(PRIVATE_KEY), OWNER_ONLY);
      restrict(dir.resolve(PUBLIC_KEY), OWNER_ONLY);
      Path secret = dir.resolve(PERSON_KEY_SECRET);
      if (!Files.exists(secret)) {
        writeSecret(secret);
        created.add(PERSON_KEY_SECRET);
      }
      restrict(secret, OWNER_ONLY);
      out.println(
          created.isEmpty()
              ? "keys: kept the existing key pair and person-key secret in " + dir
              : "keys: created " + String.join(", ", created) + " in " + dir);
      return 0;
    } catch (IOException e) {
      throw new CommandFailed("could not write keys to " + dir + ": " + e.getMessage(), e);
    } catch (UncheckedIOException e) {
      throw new CommandFailed(
          "could not write keys to " + dir + ": " + e.getCause().getMessage(), e);
    }
  }

  /** Created owner-only from the start, so the secret is never readable by others. */
  private void writeSecret(Path secret) throws IOException {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    String encoded = Base64.getEncoder().encodeToString(bytes);
    try {
      Files.createFile(secret, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    } catch (UnsupportedOperationException notPosix) {
      Files.createFile(secret);
    }
    Files.writeString(secret, encoded, StandardCharsets.US_ASCII);
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) throws IOException {
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (UnsupportedOperationException notPosix) {
      // not a POSIX file system: nothing to restrict with
    }
  }
}
