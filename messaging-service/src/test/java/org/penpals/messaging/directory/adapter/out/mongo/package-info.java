@NullMarked
package org.penpals.messaging.directory.adapter.out.mongo;

import org.jspecify.annotations.NullMarked;
