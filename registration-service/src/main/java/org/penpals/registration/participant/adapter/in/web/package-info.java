@NullMarked
package org.penpals.registration.participant.adapter.in.web;

import org.jspecify.annotations.NullMarked;
