package org.penpals.portal.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The fakes, registered in front of the HTTP clients. */
@TestConfiguration(proxyBeanMethods = false)
public class FakeServicesConfiguration {
  @Bean
  @Primary
  FakeServices fakeServices() {
    FakeServices fakes = new FakeServices();
    fakes.reset();
    return fakes;
  }
}
