@NullMarked
package org.penpals.gateway.config;

import org.jspecify.annotations.NullMarked;
