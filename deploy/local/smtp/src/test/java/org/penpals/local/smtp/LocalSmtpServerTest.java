package org.penpals.local.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LocalSmtpServerTest {
  final LocalSmtpServer server = LocalSmtpServer.start("127.0.0.1", 0, 0, "bounce");
  final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    server.close();
  }

  private void send(String to, String subject) throws Exception {
    Properties props = new Properties();
    props.put("mail.smtp.host", "127.0.0.1");
    props.put("mail.smtp.port", String.valueOf(server.smtpPort()));
    Session session = Session.getInstance(props);
    MimeMessage message = new MimeMessage(session);
    message.setFrom(new InternetAddress("programme@penpals.local"));
    message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
    message.setSubject(subject, "UTF-8");
    message.setText("Hello <there>", "UTF-8");
    Transport.send(message);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.inboxPort() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void shouldListReceivedMailPerRecipientInTheInboxAndItsApi() throws Exception {
    // given two mails to two people
    send("ana@example.org", "Semana 1: <hola>");
    send("tom@example.org", "Week 1");

    // when the inbox is read, for one recipient
    HttpResponse<String> json = get("/api/messages?to=ana@example.org");
    HttpResponse<String> page = get("/");
    HttpResponse<String> one = get("/api/messages/0");

    // then it lists what the server accepted, escaped
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.body())
        .contains("ana@example.org", "Semana 1: \\u003chola>")
        .doesNotContain("tom@");
    assertThat(page.body()).contains("Semana 1: &lt;hola&gt;", "tom@example.org", "2 mail(s)");
    assertThat(one.body()).contains("\"text\":\"Hello \\u003cthere>");
    assertThat(get("/health").statusCode()).isEqualTo(200);
    assertThat(server.messages()).hasSize(2);
  }

  @Test
  void shouldListEveryMailOfALongInboxAsOneJsonList() throws Exception {
    // given many mails, as a few demo runs leave (the list is written as it is made)
    for (int i = 0; i < 300; i++) {
      send("p" + i + "@example.org", "Week " + i);
    }

    // when
    HttpResponse<String> json = get("/api/messages");

    // then
    assertThat(json.statusCode()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type"))
        .hasValue("application/json; charset=utf-8");
    assertThat(json.body()).startsWith("[{\"id\":0,").endsWith("}]").contains("\"id\":299,");
    assertThat(json.body().split("\"subject\":")).hasSize(301);
    assertThat(get("/api/messages?to=p7@example.org").body())
        .contains("Week 7")
        .doesNotContain("Week 8");
  }

  @Test
  void shouldRefuseBounceAddressesWithA550() {
    assertThatThrownBy(() -> send("bounce-me@example.org", "x"))
        .isInstanceOf(SendFailedException.class)
        .hasStackTraceContaining("550 5.1.1");
    assertThat(server.messages()).isEmpty();
  }

  @Test
  void shouldParseOptions() {
    var options =
        LocalSmtpServer.Options.parse(new String[] {"--smtp-port", "2525", "--inbox-port", "0"});
    assertThat(options.smtpPort()).isEqualTo(2525);
    assertThat(options.inboxPort()).isZero();
    assertThat(options.host()).isEqualTo("127.0.0.1");
    assertThatThrownBy(() -> LocalSmtpServer.Options.parse(new String[] {"--smtp-port", "x"}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
