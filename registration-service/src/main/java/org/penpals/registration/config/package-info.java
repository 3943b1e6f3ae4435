@NullMarked
package org.penpals.registration.config;

import org.jspecify.annotations.NullMarked;
