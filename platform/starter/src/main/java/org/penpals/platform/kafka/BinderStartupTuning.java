package org.penpals.platform.kafka;

import java.time.Duration;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;

/**
 * The Kafka binder looks a consumed topic's partitions up while the application starts, and by
 * default retries ten times with growing pauses: with the broker away (or slow) start-up then
 * blocks for about a minute. Two quick retries are enough — a binding that fails is retried in the
 * background ({@code spring.cloud.stream.binding-retry-interval}) while the service starts, reports
 * not-ready and serves what it can.
 */
public class BinderStartupTuning implements BeanPostProcessor {
  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    if (bean instanceof KafkaTopicProvisioner provisioner) {
      provisioner.setMetadataRetryOperations(
          new RetryTemplate(
              RetryPolicy.builder()
                  .maxRetries(2)
                  .delay(Duration.ofMillis(200))
                  .multiplier(2.0)
                  .maxDelay(Duration.ofSeconds(1))
                  .build()));
    }
    return bean;
  }
}
