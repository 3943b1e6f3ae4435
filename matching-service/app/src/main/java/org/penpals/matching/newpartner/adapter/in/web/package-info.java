@NullMarked
package org.penpals.matching.newpartner.adapter.in.web;

import org.jspecify.annotations.NullMarked;
