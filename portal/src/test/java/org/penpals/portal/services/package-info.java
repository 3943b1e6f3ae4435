@NullMarked
package org.penpals.portal.services;

import org.jspecify.annotations.NullMarked;
