@NullMarked
package org.penpals.local.smtp;

import org.jspecify.annotations.NullMarked;
