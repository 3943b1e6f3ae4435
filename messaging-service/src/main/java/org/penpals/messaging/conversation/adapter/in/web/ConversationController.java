package org.penpals.messaging.conversation.adapter.in.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.penpals.messaging.conversation.application.ConversationService;
import org.penpals.messaging.conversation.domain.Message;
import org.penpals.platform.domain.InvalidInput;
import org.penpals.platform.security.CurrentParticipant;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A participant's threads with their partners. The participant is the token's subject; a thread of
 * a partnership they are not in answers 404.
 */
@RestController
@RequestMapping("/api/messaging/conversations")
@Tag(name = "Conversations", description = "Partners writing to each other (participant token)")
@SecurityRequirement(name = "bearer")
public class ConversationController {
  private final ConversationService conversations;

  public ConversationController(ConversationService conversations) {
    this.conversations = conversations;
  }

  /** A message; {@code text} is plain text, to be shown as text (never as markup). */
  public record MessageView(String id, String authorId, String text, Instant postedAt) {
    static MessageView of(Message m) {
      return new MessageView(m.id(), m.authorId(), m.text(), m.postedAt());
    }
  }

  public record PostRequest(@Nullable String text) {}

  @GetMapping
  @Operation(summary = "My threads: one per partnership I am or was in")
  public List<ConversationService.Summary> mine() {
    return conversations.mine(CurrentParticipant.id());
  }

  @GetMapping("/{partnershipId}/messages")
  @Operation(summary = "The messages of my partnership's thread, oldest first")
  public List<MessageView> messages(@PathVariable String partnershipId) {
    return conversations.read(CurrentParticipant.id(), partnershipId).stream()
        .map(MessageView::of)
        .toList();
  }

  @PostMapping("/{partnershipId}/messages")
  @Operation(
      summary = "Write to my partner(s)",
      description =
          "Plain text, 1-"
              + Message.MAX_LENGTH
              + " characters. The other partners are notified by mail, at most once an hour.")
  public ResponseEntity<MessageView> post(
      @PathVariable String partnershipId, @RequestBody @Nullable PostRequest request) {
    if (request == null) {
      throw InvalidInput.of("body", "is required");
    }
    Message posted =
        conversations.post(
            CurrentParticipant.id(), partnershipId, request.text() == null ? "" : request.text());
    return ResponseEntity.created(
            URI.create("/api/messaging/conversations/" + partnershipId + "/messages"))
        .body(MessageView.of(posted));
  }
}
