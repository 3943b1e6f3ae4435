package org.penpals.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Request body limits.
 *
 * @param maxBodySize JSON and other bodies
 * @param maxCsvBodySize {@code text/csv} bodies (imports)
 */
@ConfigurationProperties("penpals.http")
public record HttpLimits(DataSize maxBodySize, DataSize maxCsvBodySize) {
  public HttpLimits {
    maxBodySize = maxBodySize == null ? DataSize.ofKilobytes(64) : maxBodySize;
    maxCsvBodySize = maxCsvBodySize == null ? DataSize.ofMegabytes(10) : maxCsvBodySize;
  }
}
