@NullMarked
package org.penpals.messaging.conversation.domain;

import org.jspecify.annotations.NullMarked;
