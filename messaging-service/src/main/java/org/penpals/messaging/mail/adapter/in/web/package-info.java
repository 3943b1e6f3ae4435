@NullMarked
package org.penpals.messaging.mail.adapter.in.web;

import org.jspecify.annotations.NullMarked;
