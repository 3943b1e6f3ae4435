package org.penpals.messaging.mail.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A programme mail, stored before it is sent. Its id is a <em>natural key</em> of what caused it
 * ({@code prompt:<deliveryId>:<participantId>}, {@code intro:<partnershipId>:<participantId>},
 * {@code verify:<participantId>:<token hash>}, ...), so the same cause never makes two mails.
 *
 * @param participantId the recipient, when a participant
 * @param partnershipId the partnership the mail is about, if any (erasure scrubs mails that name a
 *     partner)
 * @param to the recipient's address
 * @param content null once dropped: secret mails after sending, erased recipients
 * @param attempts transient failures of this mail so far
 * @param resends how often staff resent it (part of the Message-ID, so a resend is a new message)
 */
public record Mail(
    String id,
    MailKind kind,
    @Nullable String participantId,
    @Nullable String cycleId,
    @Nullable String partnershipId,
    String to,
    String locale,
    @Nullable MailContent content,
    MailStatus status,
    int attempts,
    int resends,
    Instant createdAt,
    @Nullable Instant sentAt,
    @Nullable String failure) {

  public static final int MAX_ID_LENGTH = 300;

  public Mail {
    Objects.requireNonNull(id, "id");
    if (id.isBlank() || id.length() > MAX_ID_LENGTH) {
      throw new IllegalArgumentException("a mail id has 1-" + MAX_ID_LENGTH + " characters");
    }
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(to, "to");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
    if (attempts < 0 || resends < 0) {
      throw new IllegalArgumentException("attempts and resends cannot be negative");
    }
    if ((status == MailStatus.PENDING || status == MailStatus.SENDING) && content == null) {
      throw new IllegalArgumentException("a mail waiting to be sent needs its content");
    }
  }

  /** A new mail, waiting to be sent. */
  public static Mail pending(
      String id,
      MailKind kind,
      @Nullable String participantId,
      @Nullable String cycleId,
      @Nullable String partnershipId,
      String to,
      String locale,
      MailContent content,
      Instant now) {
    return new Mail(
        id,
        kind,
        participantId,
        cycleId,
        partnershipId,
        to,
        locale,
        content,
        MailStatus.PENDING,
        0,
        0,
        now,
        null,
        null);
  }

  /**
   * The stable {@code Message-ID} header of this mail (and resend): a receiver that sees it twice
   * (after a crash between the server's acceptance and our record of it) can drop the copy.
   */
  public String messageId(String domain) {
    return "<" + hash(id).substring(0, 32) + "." + resends + "@" + domain + ">";
  }

  /** Hex SHA-256, for natural keys built from secrets (never store the secret itself). */
  public static String hash(String value) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Never prints content or address: mails may carry secret links. */
  @Override
  public String toString() {
    return "Mail[id=" + id + ", kind=" + kind + ", status=" + status + "]";
  }
}
