@NullMarked
package org.penpals.messaging.mail.adapter.in.messaging;

import org.jspecify.annotations.NullMarked;
