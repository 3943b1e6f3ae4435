package org.penpals.platform.kafka;

import java.lang.reflect.Field;
import java.time.Duration;
import org.springframework.cloud.stream.binder.AbstractMessageChannelBinder;
import org.springframework.cloud.stream.binder.Binder;
import org.springframework.cloud.stream.binder.BinderCustomizer;
import org.springframework.cloud.stream.binder.ConsumerProperties;
import org.springframework.cloud.stream.binder.ProducerProperties;
import org.springframework.cloud.stream.binder.kafka.provisioning.KafkaTopicProvisioner;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.ReflectionUtils;

/**
 * The Kafka binder looks a consumed topic's partitions up while the application starts, and by
 * default retries ten times with growing pauses: with the broker away (or slow) start-up then
 * blocks for about a minute. Two quick retries are enough — a binding that fails is retried in the
 * background ({@code spring.cloud.stream.binding-retry-interval}) while the service starts, reports
 * not-ready and serves what it can.
 *
 * <p>The provisioner lives in the binder's own child context, out of reach of the application's
 * bean post-processors, and the binder offers no setter for it: the customizer reaches it through
 * the binder's {@code provisioningProvider} field, and does nothing if that ever changes.
 */
public class BinderStartupTuning implements BinderCustomizer {
  private static final Field PROVISIONER =
      ReflectionUtils.findField(AbstractMessageChannelBinder.class, "provisioningProvider");

  static {
    if (PROVISIONER != null) {
      ReflectionUtils.makeAccessible(PROVISIONER);
    }
  }

  @Override
  public void customize(
      Binder<?, ? extends ConsumerProperties, ? extends ProducerProperties> binder,
      String binderName) {
    if (PROVISIONER != null
        && binder instanceof AbstractMessageChannelBinder<?, ?, ?>
        && ReflectionUtils.getField(PROVISIONER, binder) instanceof KafkaTopicProvisioner p) {
      p.setMetadataRetryOperations(
          new RetryTemplate(
              RetryPolicy.builder()
                  .maxRetries(2)
                  .delay(Duration.ofMillis(200))
                  .multiplier(2.0)
                  .maxDelay(Duration.ofSeconds(1))
                  .build()));
    }
  }
}
