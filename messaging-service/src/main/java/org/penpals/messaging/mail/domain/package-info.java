@NullMarked
package org.penpals.messaging.mail.domain;

import org.jspecify.annotations.NullMarked;
