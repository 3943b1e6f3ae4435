@NullMarked
package org.penpals.messaging.mail.adapter.out.smtp;

import org.jspecify.annotations.NullMarked;
