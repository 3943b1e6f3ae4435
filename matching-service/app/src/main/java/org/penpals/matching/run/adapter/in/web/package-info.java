@NullMarked
package org.penpals.matching.run.adapter.in.web;

import org.jspecify.annotations.NullMarked;
