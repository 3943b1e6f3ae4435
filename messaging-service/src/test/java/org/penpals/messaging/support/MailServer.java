package org.penpals.messaging.support;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.penpals.platform.testkit.TcpProxy;

/**
 * The test JVM's real SMTP server: GreenMail, behind a {@link TcpProxy} so a test can take it away
 * ({@link #down}) and bring it back ({@link #up}) at the same address. Recipients whose address
 * starts with {@code bounce} are refused at RCPT with {@code 550 5.1.1} (an unknown mailbox).
 */
public final class MailServer {
  private static @Nullable MailServer instance;

  private final GreenMail greenMail;
  private final TcpProxy proxy;
  private final int serverPort;
  private boolean up;

  private MailServer() {
    greenMail =
        new RejectingGreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    serverPort = greenMail.getSmtp().getPort();
    proxy = TcpProxy.reserve();
    up();
    Runtime.getRuntime().addShutdownHook(new Thread(greenMail::stop, "greenmail-stop"));
  }

  public static synchronized MailServer get() {
    if (instance == null) {
      instance = new MailServer();
    }
    return instance;
  }

  /** The port services send to (the proxy's). */
  public int port() {
    return proxy.port();
  }

  public synchronized void down() {
    if (up) {
      proxy.close();
      up = false;
    }
  }

  public synchronized void up() {
    if (!up) {
      proxy.forwardTo("127.0.0.1", serverPort);
      up = true;
    }
  }

  /** Everything received so far for {@code address}. */
  public List<MimeMessage> to(String address) {
    return Arrays.stream(greenMail.getReceivedMessages())
        .filter(m -> addressedTo(m, address))
        .toList();
  }

  public int received() {
    return greenMail.getReceivedMessages().length;
  }

  private static boolean addressedTo(MimeMessage message, String address) {
    try {
      var to = message.getRecipients(Message.RecipientType.TO);
      return to != null && Arrays.stream(to).anyMatch(a -> a.toString().equalsIgnoreCase(address));
    } catch (MessagingException e) {
      return false;
    }
  }

  public static String subject(MimeMessage m) {
    try {
      return m.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String header(MimeMessage m, String name) {
    try {
      return m.getHeader(name, null);
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The text/plain part. */
  public static String text(MimeMessage m) {
    return part(m, "text/plain");
  }

  /** The text/html part. */
  public static String html(MimeMessage m) {
    return part(m, "text/html");
  }

  private static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return (String) part.getContent();
      }
      if (part.isMimeType("multipart/*")) {
        Multipart multipart = (Multipart) part.getContent();
        for (int i = 0; i < multipart.getCount(); i++) {
          BodyPart body = multipart.getBodyPart(i);
          String found = part(body, type);
          if (!found.isEmpty()) {
            return found;
          }
        }
      }
      return "";
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** GreenMail whose SMTP service refuses {@code bounce*} recipients. */
  static final class RejectingGreenMail extends GreenMail {
    RejectingGreenMail(ServerSetup setup) {
      super(setup);
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      Map<String, AbstractServer> services = super.createServices(config, managers);
      for (ServerSetup setup : config) {
        if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
          services.put(setup.getProtocol(), new SmtpServer(setup, new Rejecting(managers)));
        }
      }
      return services;
    }
  }

  static final class Rejecting extends Managers {
    private final Managers delegate;
    private final SmtpManager smtp;

    Rejecting(Managers delegate) {
      this.delegate = delegate;
      this.smtp =
          new SmtpManager(delegate.getImapHostManager(), delegate.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress address) {
              if (address.getEmail().toLowerCase().startsWith("bounce")) {
                return "550 5.1.1 <" + address.getEmail() + ">: mailbox unavailable";
              }
              return super.checkRecipient(state, address);
            }
          };
    }

    @Override
    public SmtpManager getSmtpManager() {
      return smtp;
    }

    @Override
    public UserManager getUserManager() {
      return delegate.getUserManager();
    }

    @Override
    public ImapHostManager getImapHostManager() {
      return delegate.getImapHostManager();
    }
  }
}
