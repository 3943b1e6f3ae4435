package org.penpals.platform.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RandomnessTest {

  @Test
  void makesVersion4UuidsWithTheIetfVariantThatParseBack() {
    for (int i = 0; i < 1_000; i++) {
      UUID id = Randomness.uuid();
      assertThat(id.version()).isEqualTo(4);
      assertThat(id.variant()).isEqualTo(2);
      assertThat(UUID.fromString(id.toString())).isEqualTo(id);
    }
  }

  @Test
  void neverRepeatsAnIdAcrossThreads() throws Exception {
    Set<String> seen = ConcurrentHashMap.newKeySet();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<?>> work =
          IntStream.range(0, 8)
              .<Future<?>>mapToObj(
                  t ->
                      pool.submit(
                          () -> {
                            for (int i = 0; i < 10_000; i++) {
                              seen.add(Randomness.uuidString());
                            }
                          }))
              .toList();
      for (Future<?> f : work) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(80_000);
  }

  @Test
  void bytesAreFreshAndUseEveryBit() {
    Set<String> seen = new HashSet<>();
    int ones = 0;
    int draws = 2_000;
    for (int i = 0; i < draws; i++) {
      byte[] b = Randomness.bytes(32);
      assertThat(b).hasSize(32);
      assertThat(seen.add(java.util.HexFormat.of().formatHex(b))).isTrue();
      for (byte x : b) {
        ones += Integer.bitCount(x & 0xff);
      }
    }
    double share = ones / (draws * 32 * 8.0);
    assertThat(share).isBetween(0.49, 0.51); // 512,000 bits: a stuck bit or byte shows at once
  }
}
