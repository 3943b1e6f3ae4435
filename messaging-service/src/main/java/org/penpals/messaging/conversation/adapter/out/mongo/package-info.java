@NullMarked
package org.penpals.messaging.conversation.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
