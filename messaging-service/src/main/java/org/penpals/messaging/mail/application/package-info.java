@NullMarked
package org.penpals.messaging.mail.application;

import org.jspecify.annotations.NullMarked;
