@NullMarked
package org.penpals.messaging.announcement.adapter.in.web;

import org.jspecify.annotations.NullMarked;
