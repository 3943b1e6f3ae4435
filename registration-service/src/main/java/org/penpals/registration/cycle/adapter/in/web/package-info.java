@NullMarked
package org.penpals.registration.cycle.adapter.in.web;

import org.jspecify.annotations.NullMarked;
