@NullMarked
package org.penpals.prompt.partnership.adapter.in.messaging;

import org.jspecify.annotations.NullMarked;
