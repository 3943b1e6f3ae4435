@NullMarked
package org.penpals.messaging.mail.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
