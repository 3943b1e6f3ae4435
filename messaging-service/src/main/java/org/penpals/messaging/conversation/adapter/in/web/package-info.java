@NullMarked
package org.penpals.messaging.conversation.adapter.in.web;

import org.jspecify.annotations.NullMarked;
