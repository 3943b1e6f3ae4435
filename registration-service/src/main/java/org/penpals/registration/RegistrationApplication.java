package org.penpals.registration;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Cycles and applications of the Penpals programme. */
@SpringBootApplication
public class RegistrationApplication {
  public static void main(String[] args) {
    SpringApplication.run(RegistrationApplication.class, args);
  }
}
