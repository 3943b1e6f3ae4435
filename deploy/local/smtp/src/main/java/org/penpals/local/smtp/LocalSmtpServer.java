package org.penpals.local.smtp;

import com.icegreen.greenmail.Managers;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.imap.ImapHostManager;
import com.icegreen.greenmail.mail.MailAddress;
import com.icegreen.greenmail.server.AbstractServer;
import com.icegreen.greenmail.smtp.SmtpManager;
import com.icegreen.greenmail.smtp.SmtpServer;
import com.icegreen.greenmail.smtp.SmtpState;
import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.user.UserManager;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;

/**
 * The local stack's SMTP server: GreenMail, bound to the loopback address, accepting mail for any
 * address (no authentication) and keeping it in memory, plus a web inbox to read what was sent.
 * Recipients whose address starts with the reject prefix (default {@code bounce}) are refused with
 * {@code 550 5.1.1}, to try permanent failures.
 *
 * <pre>
 * java -cp 'target/local-smtp.jar:target/lib/*' org.penpals.local.smtp.LocalSmtpServer \
 *     --smtp-port 3025 --inbox-port 8025
 * </pre>
 *
 * Inbox: {@code GET /} (HTML, {@code ?to=} filters by recipient), {@code GET /api/messages[?to=]}
 * (JSON list), {@code GET /api/messages/N} (JSON with text and HTML), {@code GET /messages/N} (the
 * HTML part, sandboxed), {@code DELETE /api/messages} (empty every mailbox), {@code GET /health}.
 */
public final class LocalSmtpServer implements AutoCloseable {
  static final String DEFAULT_HOST = "127.0.0.1";

  private final GreenMail greenMail;
  private final HttpServer inbox;

  private LocalSmtpServer(GreenMail greenMail, HttpServer inbox) {
    this.greenMail = greenMail;
    this.inbox = inbox;
  }

  /** Starts SMTP on {@code smtpPort} and the inbox on {@code inboxPort} (0: any free port). */
  public static LocalSmtpServer start(
      String host, int smtpPort, int inboxPort, String rejectPrefix) {
    GreenMail greenMail =
        new RejectingGreenMail(
                new ServerSetup(smtpPort, host, ServerSetup.PROTOCOL_SMTP), rejectPrefix)
            .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    greenMail.start();
    HttpServer http;
    try {
      http = HttpServer.create(new InetSocketAddress(host, inboxPort), 50);
    } catch (IOException e) {
      greenMail.stop();
      throw new IllegalStateException("cannot listen on " + host + ":" + inboxPort, e);
    }
    LocalSmtpServer server = new LocalSmtpServer(greenMail, http);
    http.createContext("/", server::handle);
    http.setExecutor(Executors.newFixedThreadPool(2));
    http.start();
    return server;
  }

  public int smtpPort() {
    return greenMail.getSmtp().getPort();
  }

  public int inboxPort() {
    return inbox.getAddress().getPort();
  }

  /** Everything received, oldest first; a message's index is its id. */
  public List<MimeMessage> messages() {
    return Arrays.asList(greenMail.getReceivedMessages());
  }

  @Override
  public void close() {
    inbox.stop(0);
    greenMail.stop();
  }

  // ------------------------------------------------------------------ the inbox

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      String to = query(exchange).get("to");
      List<MimeMessage> all = messages();
      if (path.equals("/health")) {
        send(exchange, 200, "text/plain", "ok");
      } else if (path.equals("/api/messages") && method.equals("DELETE")) {
        try {
          greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
          send(exchange, 500, "text/plain", e.toString());
          return;
        }
        send(exchange, 204, "text/plain", "");
      } else if (!method.equals("GET")) {
        send(exchange, 405, "text/plain", "method not allowed");
      } else if (path.equals("/api/messages")) {
        list(exchange, all, to);
      } else if (path.startsWith("/api/messages/")) {
        MimeMessage message = byId(all, path.substring("/api/messages/".length()));
        if (message == null) {
          send(exchange, 404, "application/json", "{\"error\":\"no such message\"}");
        } else {
          int id = all.indexOf(message);
          send(exchange, 200, "application/json", summary(id, message, true));
        }
      } else if (path.startsWith("/messages/")) {
        MimeMessage message = byId(all, path.substring("/messages/".length()));
        if (message == null) {
          send(exchange, 404, "text/plain", "no such message");
        } else {
          String html = part(message, "text/html");
          exchange
              .getResponseHeaders()
              .add(
                  "Content-Security-Policy",
                  "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:");
          if (html.isEmpty()) {
            send(exchange, 200, "text/plain", part(message, "text/plain"));
          } else {
            send(exchange, 200, "text/html", html);
          }
        }
      } else if (path.equals("/")) {
        send(exchange, 200, "text/html", page(all, to));
      } else {
        send(exchange, 404, "text/plain", "not found");
      }
    }
  }

  /**
   * The JSON list, written as it is made (chunked): after a few demo runs the inbox holds tens of
   * thousands of mails, whose list as one string would take several times its size of heap.
   */
  private static void list(HttpExchange exchange, List<MimeMessage> all, @Nullable String to)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(200, 0);
    try (Writer json =
        new BufferedWriter(
            new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8), 1 << 16)) {
      json.write('[');
      boolean first = true;
      for (int i = 0; i < all.size(); i++) {
        if (matches(all.get(i), to)) {
          if (!first) {
            json.write(',');
          }
          json.write(summary(i, all.get(i), false));
          first = false;
        }
      }
      json.write(']');
    }
  }

  private String page(List<MimeMessage> all, @Nullable String to) {
    Map<String, Integer> recipients = new TreeMap<>();
    for (MimeMessage m : all) {
      for (String r : recipients(m)) {
        recipients.merge(r, 1, Integer::sum);
      }
    }
    StringBuilder html =
        new StringBuilder(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta http-equiv=\"refresh\" content=\"10\"><title>Penpals local inbox</title>"
                + "<style>body{font-family:sans-serif;margin:2em}td,th{padding:.2em .6em;"
                + "text-align:left;border-bottom:1px solid #ddd}</style></head><body>"
                + "<h1>Penpals local inbox</h1><p>");
    html.append(all.size())
        .append(" mail(s) received on SMTP port ")
        .append(smtpPort())
        .append(". JSON: <a href=\"/api/messages\">/api/messages</a>. Recipients: ")
        .append(recipients.size())
        .append(
            to == null
                ? ""
                : " — showing mail to <b>" + escape(to) + "</b> (<a href=\"/\">all</a>)")
        .append("</p><table><tr><th>#</th><th>received</th><th>to</th><th>subject</th>")
        .append("<th>kind</th><th>language</th></tr>");
    for (int i = all.size() - 1, shown = 0; i >= 0 && shown < 500; i--) {
      MimeMessage m = all.get(i);
      if (!matches(m, to)) {
        continue;
      }
      shown++;
      html.append("<tr><td>").append(i).append("</td><td>").append(escape(received(m)));
      html.append("</td><td>");
      for (String r : recipients(m)) {
        html.append("<a href=\"/?to=").append(escape(r)).append("\">").append(escape(r));
        html.append("</a> ");
      }
      html.append("</td><td><a href=\"/messages/").append(i).append("\">");
      html.append(escape(subject(m))).append("</a></td><td>");
      html.append(escape(header(m, "X-Penpals-Mail-Kind"))).append("</td><td>");
      html.append(escape(header(m, "Content-Language"))).append("</td></tr>");
    }
    return html.append("</table></body></html>").toString();
  }

  private static String summary(int id, MimeMessage m, boolean withBodies) {
    StringBuilder json = new StringBuilder("{\"id\":").append(id);
    json.append(",\"to\":[");
    List<String> to = recipients(m);
    for (int i = 0; i < to.size(); i++) {
      json.append(i > 0 ? "," : "").append(quote(to.get(i)));
    }
    json.append("],\"from\":").append(quote(from(m)));
    json.append(",\"subject\":").append(quote(subject(m)));
    json.append(",\"receivedAt\":").append(quote(received(m)));
    json.append(",\"messageId\":").append(quote(header(m, "Message-ID")));
    json.append(",\"kind\":").append(quote(header(m, "X-Penpals-Mail-Kind")));
    json.append(",\"language\":").append(quote(header(m, "Content-Language")));
    if (withBodies) {
      json.append(",\"text\":").append(quote(part(m, "text/plain")));
      json.append(",\"html\":").append(quote(part(m, "text/html")));
    }
    return json.append('}').toString();
  }

  private static @Nullable MimeMessage byId(List<MimeMessage> all, String id) {
    try {
      int n = Integer.parseInt(id);
      return n >= 0 && n < all.size() ? all.get(n) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean matches(MimeMessage m, @Nullable String to) {
    return to == null || recipients(m).stream().anyMatch(r -> r.equalsIgnoreCase(to));
  }

  static List<String> recipients(MimeMessage m) {
    try {
      Address[] to = m.getRecipients(Message.RecipientType.TO);
      List<String> all = new ArrayList<>();
      if (to != null) {
        for (Address a : to) {
          all.add(
              a instanceof jakarta.mail.internet.InternetAddress i ? i.getAddress() : a.toString());
        }
      }
      return all;
    } catch (MessagingException e) {
      return List.of();
    }
  }

  private static String from(MimeMessage m) {
    try {
      Address[] from = m.getFrom();
      return from == null || from.length == 0 ? "" : from[0].toString();
    } catch (MessagingException e) {
      return "";
    }
  }

  static String subject(MimeMessage m) {
    try {
      String subject = m.getSubject();
      return subject == null ? "" : subject;
    } catch (MessagingException e) {
      return "";
    }
  }

  private static String received(MimeMessage m) {
    try {
      Date date = m.getReceivedDate() != null ? m.getReceivedDate() : m.getSentDate();
      return date == null ? "" : date.toInstant().toString();
    } catch (MessagingException e) {
      return "";
    }
  }

  private static String header(MimeMessage m, String name) {
    try {
      String value = m.getHeader(name, null);
      return value == null ? "" : value;
    } catch (MessagingException e) {
      return "";
    }
  }

  static String part(Part part, String type) {
    try {
      if (part.isMimeType(type)) {
        return String.valueOf(part.getContent());
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
    } catch (MessagingException | IOException e) {
      return "";
    }
  }

  private static Map<String, String> query(HttpExchange exchange) {
    Map<String, String> params = new TreeMap<>();
    String query = exchange.getRequestURI().getRawQuery();
    if (query != null) {
      for (String pair : query.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(
              URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
    }
    return params;
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
    exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
    exchange.sendResponseHeaders(status, status == 204 ? -1 : bytes.length);
    if (status != 204) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  static String quote(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<' -> out.append("\\u003c");
        default -> {
          if (c < 0x20) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  // ------------------------------------------------------------------ GreenMail with refusals

  /** GreenMail whose SMTP service refuses recipients starting with a prefix (550 5.1.1). */
  static final class RejectingGreenMail extends GreenMail {
    /** GreenMail creates its services in its constructor, before our fields are set. */
    private static final ThreadLocal<String> PREFIX = new ThreadLocal<>();

    private final @Nullable String rejectPrefix;

    RejectingGreenMail(ServerSetup setup, String rejectPrefix) {
      super(remember(setup, rejectPrefix));
      PREFIX.remove();
      this.rejectPrefix = rejectPrefix;
    }

    private static ServerSetup remember(ServerSetup setup, String rejectPrefix) {
      PREFIX.set(rejectPrefix);
      return setup;
    }

    @Override
    protected Map<String, AbstractServer> createServices(ServerSetup[] config, Managers managers) {
      Map<String, AbstractServer> services = super.createServices(config, managers);
      for (ServerSetup setup : config) {
        if (ServerSetup.PROTOCOL_SMTP.equals(setup.getProtocol())) {
          services.put(
              setup.getProtocol(),
              new SmtpServer(
                  setup,
                  new Rejecting(managers, rejectPrefix != null ? rejectPrefix : PREFIX.get())));
        }
      }
      return services;
    }
  }

  static final class Rejecting extends Managers {
    private final Managers delegate;
    private final SmtpManager smtp;

    Rejecting(Managers delegate, @Nullable String prefix) {
      this.delegate = delegate;
      String lower = prefix == null ? "" : prefix.toLowerCase(Locale.ROOT);
      this.smtp =
          new SmtpManager(delegate.getImapHostManager(), delegate.getUserManager()) {
            @Override
            public String checkRecipient(SmtpState state, MailAddress address) {
              if (!lower.isEmpty()
                  && address.getEmail().toLowerCase(Locale.ROOT).startsWith(lower)) {
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

  // ------------------------------------------------------------------ main

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    LocalSmtpServer server =
        start(options.host(), options.smtpPort(), options.inboxPort(), options.rejectPrefix());
    CountDownLatch stopped = new CountDownLatch(1);
    PrintStream out = System.out;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  out.println("smtp server stopped");
                  stopped.countDown();
                },
                "local-smtp-shutdown"));
    out.println(
        "smtp server listening on "
            + options.host()
            + ":"
            + server.smtpPort()
            + ", inbox on http://localhost:"
            + server.inboxPort()
            + "/ (recipients starting with '"
            + options.rejectPrefix()
            + "' are refused with 550)");
    stopped.await();
  }

  record Options(String host, int smtpPort, int inboxPort, String rejectPrefix) {
    static final String USAGE =
        "usage: LocalSmtpServer [--smtp-port 3025] [--inbox-port 8025] [--host 127.0.0.1]"
            + " [--reject-prefix bounce]";

    static Options parse(String[] args) {
      String host = DEFAULT_HOST;
      int smtp = 3025;
      int inbox = 8025;
      String reject = "bounce";
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + name);
        }
        String value = args[++i];
        switch (name) {
          case "--host" -> host = value;
          case "--smtp-port" -> smtp = port(value);
          case "--inbox-port" -> inbox = port(value);
          case "--reject-prefix" -> reject = value;
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      return new Options(host, smtp, inbox, reject);
    }

    private static int port(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException("port out of range: " + value);
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a port number: " + value, e);
      }
    }
  }
}
