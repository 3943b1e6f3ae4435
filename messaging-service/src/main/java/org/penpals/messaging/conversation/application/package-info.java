@NullMarked
package org.penpals.messaging.conversation.application;

import org.jspecify.annotations.NullMarked;
