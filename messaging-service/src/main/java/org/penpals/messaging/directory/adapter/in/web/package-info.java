/** The participant's partnership over HTTP (participant token). */
@NullMarked
package org.penpals.messaging.directory.adapter.in.web;

import org.jspecify.annotations.NullMarked;
