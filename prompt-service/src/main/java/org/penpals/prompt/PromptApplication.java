package org.penpals.prompt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The weekly prompts: a library staff edit, each cycle's own schedule, and every participant's
 * prompt at the cycle's hour in their own time zone; check-ins, surveys and quiet partnerships.
 */
@SpringBootApplication
public class PromptApplication {
  public static void main(String[] args) {
    SpringApplication.run(PromptApplication.class, args);
  }
}
