@NullMarked
package org.penpals.prompt.partnership.adapter.in.web;

import org.jspecify.annotations.NullMarked;
