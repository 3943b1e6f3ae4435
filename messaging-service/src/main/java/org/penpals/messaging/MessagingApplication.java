package org.penpals.messaging;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Programme mail and partner conversations. */
@SpringBootApplication
public class MessagingApplication {
  public static void main(String[] args) {
    SpringApplication.run(MessagingApplication.class, args);
  }
}
