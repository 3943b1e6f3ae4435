@NullMarked
package org.penpals.prompt.schedule.adapter.in.web;

import org.jspecify.annotations.NullMarked;
