@NullMarked
package org.penpals.messaging.mail.adapter.out.template;

import org.jspecify.annotations.NullMarked;
