package org.penpals.messaging.mail.adapter.out.smtp;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RequestNotPermitted;
import io.github.resilience4j.retry.Retry;
import jakarta.activation.FileTypeMap;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.util.MailConnectException;
import org.penpals.messaging.mail.application.MailTransport;
import org.penpals.messaging.mail.application.TransportUnavailable;
import org.penpals.messaging.mail.domain.Delivery;
import org.penpals.messaging.mail.domain.Mail;
import org.penpals.messaging.mail.domain.MailContent;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.ConfigurableMimeFileTypeMap;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * Sends mails over SMTP with Spring's {@link JavaMailSenderImpl} (one connection per batch), each
 * as multipart/alternative (plain text and HTML) with a stable {@code Message-ID}. Every batch goes
 * through Resilience4j: the <b>rate limiter</b> holds us to the provider's limit, the <b>circuit
 * breaker</b> stops hammering a server that is down, and <b>retry</b> (exponential backoff) rides
 * out short blips. Replies are sorted per mail: 5xx and invalid addresses are permanent, 4xx are
 * transient; a batch of which nothing was accepted because of the connection counts as a failure of
 * the server (circuit breaker, retry) and no mail's own.
 */
public class SmtpTransport implements MailTransport {
  private final JavaMailSenderImpl sender;
  private final InternetAddress from;
  private final String messageIdDomain;
  private final CircuitBreaker circuitBreaker;
  private final Retry retry;
  private final RateLimiter rateLimiter;
  private final int maxBatch;
  private final Duration unavailableBackoff;

  public SmtpTransport(
      JavaMailSenderImpl sender,
      String from,
      CircuitBreaker circuitBreaker,
      Retry retry,
      RateLimiter rateLimiter,
      int maxBatch,
      Duration unavailableBackoff) {
    preferAngusStreamProvider();
    this.sender = sender;
    try {
      this.from = new InternetAddress(from, true);
    } catch (AddressException e) {
      throw new IllegalArgumentException("MAIL_FROM is not an address: " + from, e);
    }
    String address = this.from.getAddress();
    this.messageIdDomain = address.substring(address.indexOf('@') + 1);
    this.circuitBreaker = circuitBreaker;
    this.retry = retry;
    this.rateLimiter = rateLimiter;
    this.maxBatch =
        Math.max(1, Math.min(maxBatch, rateLimiter.getRateLimiterConfig().getLimitForPeriod()));
    this.unavailableBackoff = unavailableBackoff;
  }

  @Override
  public int maxBatch() {
    return maxBatch;
  }

  @Override
  public Map<String, Delivery> send(List<Mail> batch) {
    Supplier<Map<String, Delivery>> attempt =
        CircuitBreaker.decorateSupplier(circuitBreaker, () -> deliver(batch));
    try {
      RateLimiter.waitForPermission(rateLimiter, batch.size());
      return Retry.decorateSupplier(retry, attempt).get();
    } catch (CallNotPermittedException e) {
      throw new TransportUnavailable(
          "circuit breaker open",
          Duration.ofMillis(
              circuitBreaker
                  .getCircuitBreakerConfig()
                  .getWaitIntervalFunctionInOpenState()
                  .apply(1)),
          e);
    } catch (RequestNotPermitted e) {
      throw new TransportUnavailable(
          "provider rate limit reached",
          rateLimiter.getRateLimiterConfig().getLimitRefreshPeriod(),
          e);
    } catch (SmtpUnavailable e) {
      throw new TransportUnavailable(e.getMessage(), unavailableBackoff, e);
    }
  }

  /** One attempt at the whole batch over one connection. */
  private Map<String, Delivery> deliver(List<Mail> batch) {
    Map<String, Delivery> outcomes = new LinkedHashMap<>();
    Map<MimeMessage, Mail> messages = new IdentityHashMap<>();
    List<MimeMessage> ordered = new ArrayList<>();
    for (Mail mail : batch) {
      try {
        MimeMessage message = message(mail);
        messages.put(message, mail);
        ordered.add(message);
      } catch (AddressException e) {
        outcomes.put(mail.id(), new Delivery.Rejected("invalid address: " + e.getMessage()));
      } catch (MessagingException e) {
        outcomes.put(mail.id(), new Delivery.Rejected("cannot build the message: " + e));
      }
    }
    if (ordered.isEmpty()) {
      return outcomes;
    }
    try {
      sender.send(ordered.toArray(MimeMessage[]::new));
      ordered.forEach(m -> outcomes.put(messages.get(m).id(), Delivery.accepted()));
      return outcomes;
    } catch (MailSendException e) {
      Map<Object, Exception> failed = e.getFailedMessages();
      if (failed.isEmpty()) {
        throw new SmtpUnavailable(describe(e), e);
      }
      boolean anyAccepted = false;
      boolean allConnection = true;
      for (MimeMessage m : ordered) {
        Exception failure = failed.get(m);
        String id = messages.get(m).id();
        if (failure == null) {
          outcomes.put(id, Delivery.accepted());
          anyAccepted = true;
          allConnection = false;
        } else {
          Delivery delivery = classify(failure);
          allConnection &= isConnectionFailure(failure);
          outcomes.put(id, delivery);
        }
      }
      if (!anyAccepted && allConnection) {
        throw new SmtpUnavailable(describe(e), e);
      }
      return outcomes;
    } catch (MailAuthenticationException e) {
      throw new SmtpUnavailable("authentication failed", e);
    } catch (MailException e) {
      throw new SmtpUnavailable(describe(e), e);
    }
  }

  private MimeMessage message(Mail mail) throws MessagingException {
    MailContent content = mail.content();
    if (content == null) {
      throw new MessagingException("no content");
    }
    String messageId = mail.messageId(messageIdDomain);
    MimeMessage message =
        new MimeMessage(sender.getSession()) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    MimeMessageHelper helper = new Helper(message);
    helper.setFrom(from);
    helper.setTo(new InternetAddress(mail.to(), true));
    helper.setSubject(content.subject());
    helper.setText(content.text(), content.html());
    message.setHeader("Content-Language", mail.locale());
    message.setHeader("X-Penpals-Mail-Kind", mail.kind().name());
    return message;
  }

  /**
   * Spring's helper, but with one MIME type map for every message: for a message that is not one of
   * {@code JavaMailSenderImpl}'s own it builds a new map each time, reading the {@code mime.types}
   * files from the classpath, which profiling found to be a fifth of the sending CPU.
   */
  private static final class Helper extends MimeMessageHelper {
    private static final FileTypeMap FILE_TYPES = fileTypes();

    Helper(MimeMessage message) throws MessagingException {
      super(message, MULTIPART_MODE_MIXED_RELATED, StandardCharsets.UTF_8.name());
    }

    @Override
    protected FileTypeMap getDefaultFileTypeMap(MimeMessage message) {
      return FILE_TYPES;
    }

    private static FileTypeMap fileTypes() {
      ConfigurableMimeFileTypeMap types = new ConfigurableMimeFileTypeMap();
      types.afterPropertiesSet();
      return types;
    }
  }

  /**
   * Names Angus Mail's stream provider as a system property unless one is named already. Without it
   * Jakarta Mail 2.1 finds its {@code StreamProvider} through a {@code ServiceLoader} scan of every
   * jar on each new message, body part and encoded header (jakartaee/mail-api#861, open): another
   * sixth of the sending CPU. With the property it instantiates the named class directly.
   */
  public static void preferAngusStreamProvider() {
    String key = "jakarta.mail.util.StreamProvider";
    String angus = "org.eclipse.angus.mail.util.MailStreamProvider";
    if (System.getProperty(key) == null && present(angus)) {
      System.setProperty(key, angus);
    }
  }

  private static boolean present(String className) {
    try {
      Class.forName(className, false, SmtpTransport.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** 5xx and bad addresses: permanent. 4xx and anything else: try again later. */
  static Delivery classify(Throwable failure) {
    Integer code = smtpCode(failure);
    String reason = describe(failure);
    if (code != null && code >= 500) {
      return new Delivery.Rejected(reason);
    }
    if (code == null && causes(failure).stream().anyMatch(AddressException.class::isInstance)) {
      return new Delivery.Rejected(reason);
    }
    return new Delivery.Deferred(reason);
  }

  private static Integer smtpCode(Throwable failure) {
    for (Throwable t : causes(failure)) {
      if (t instanceof SMTPAddressFailedException a) {
        return a.getReturnCode();
      }
      if (t instanceof SMTPSendFailedException s) {
        return s.getReturnCode();
      }
    }
    return null;
  }

  private static boolean isConnectionFailure(Throwable failure) {
    return smtpCode(failure) == null
        && causes(failure).stream()
            .anyMatch(t -> t instanceof MailConnectException || t instanceof IOException);
  }

  /** The failure and its causes, including JavaMail's chained "next" exceptions. */
  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> all = new ArrayList<>();
    List<Throwable> todo = new ArrayList<>(List.of(failure));
    while (!todo.isEmpty() && all.size() < 32) {
      Throwable t = todo.remove(0);
      if (t == null || all.contains(t)) {
        continue;
      }
      all.add(t);
      todo.add(t.getCause());
      if (t instanceof MessagingException m) {
        todo.add(m.getNextException());
      }
      if (t instanceof SendFailedException s && s.getNextException() != null) {
        todo.add(s.getNextException());
      }
    }
    return all;
  }

  private static String describe(Throwable failure) {
    for (Throwable t : causes(failure)) {
      if (t instanceof SMTPAddressFailedException || t instanceof SMTPSendFailedException) {
        return oneLine(t.getMessage());
      }
    }
    Throwable root = causes(failure).get(causes(failure).size() - 1);
    return oneLine(root.getClass().getSimpleName() + ": " + root.getMessage());
  }

  private static String oneLine(String text) {
    String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return line.length() > 300 ? line.substring(0, 300) : line;
  }
}
