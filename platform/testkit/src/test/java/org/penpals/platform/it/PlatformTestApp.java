package org.penpals.platform.it;

import com.mongodb.client.MongoDatabase;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.bson.Document;
import org.penpals.contracts.registration.CycleDrafted;
import org.penpals.contracts.registration.RegistrationEvents;
import org.penpals.platform.events.EventDispatcher;
import org.penpals.platform.outbox.Outbox;
import org.penpals.platform.outbox.OutboxCollection;
import org.penpals.platform.security.AuthorizationRules;
import org.penpals.platform.security.Role;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A minimal service built on the platform, for the platform's own integration tests. */
@SpringBootApplication
public class PlatformTestApp {
  static final String WIDGETS = "widgets";

  /** What the consumer handled, in order. */
  static final List<CycleDrafted> handled = new CopyOnWriteArrayList<>();

  @Bean
  OutboxCollection widgetsOutbox() {
    return new OutboxCollection(WIDGETS);
  }

  @Bean
  AuthorizationRules rules() {
    return rules ->
        rules
            .requestMatchers("/public/**")
            .permitAll()
            .requestMatchers("/staff/**")
            .hasAnyRole(Role.STAFF_WRITE);
  }

  @Bean
  Consumer<Message<byte[]>> cycles(EventDispatcher.Factory events) {
    return events
        .forGroup("platform-it")
        .on(
            RegistrationEvents.CYCLE_DRAFTED,
            event -> {
              if (event.data().cycle().name().equals("explode")) {
                throw new IllegalStateException("handler failure");
              }
              handled.add(event.data());
            })
        .build();
  }

  record Widget(String name, int size) {}

  @RestController
  static class Widgets {
    private final MongoDatabase database;
    private final Outbox outbox;

    Widgets(MongoDatabase database, Outbox outbox) {
      this.database = database;
      this.outbox = outbox;
    }

    @PostMapping("/public/widgets")
    Widget create(@RequestBody Widget widget) {
      return widget;
    }

    @PostMapping("/staff/widgets")
    Widget staffCreate(@RequestBody Widget widget) {
      database.getCollection(WIDGETS).insertOne(new Document("_id", widget.name()));
      outbox.written(WIDGETS, widget.name());
      return widget;
    }
  }
}
