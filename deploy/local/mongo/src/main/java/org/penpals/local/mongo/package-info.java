/** The local stack's MongoDB-wire server: mongo-java-server with its H2 backend on a file. */
@NullMarked
package org.penpals.local.mongo;

import org.jspecify.annotations.NullMarked;
