package org.penpals.matching;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Pairs each cycle's applicants, lets staff review and publish, keeps partnerships whole. */
@SpringBootApplication
public class MatchingApplication {
  public static void main(String[] args) {
    SpringApplication.run(MatchingApplication.class, args);
  }
}
