package org.penpals.local.mongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * A MongoDB-wire server for the local stack whose data lives in one H2 MVStore file, so that it
 * survives restarts (and crashes, up to the store's last auto-commit).
 *
 * <p>Run as {@code java -cp 'target/lib/*:target/local-mongo.jar'
 * org.penpals.local.mongo.LocalMongoServer --port 27017 --data DIR/penpals.mv}. It binds to the
 * loopback address only and shuts down cleanly (closing the store) on SIGTERM.
 *
 * <p>{@code --store memory} keeps everything on the heap instead and nothing across a restart: for
 * throw-away stacks such as the apply benchmark's, where the H2 store's serialisation of every
 * index key and document (most of this server's CPU under load) would measure the embedded store
 * rather than Penpals.
 */
public final class LocalMongoServer implements AutoCloseable {

  static final String DEFAULT_HOST = "127.0.0.1";
  static final int DEFAULT_PORT = 27017;

  private final MongoServer server;
  private final InetSocketAddress address;
  private final Path dataFile;
  private boolean closed;

  private LocalMongoServer(MongoServer server, InetSocketAddress address, Path dataFile) {
    this.server = server;
    this.address = address;
    this.dataFile = dataFile;
  }

  /** Where the data lives. */
  public enum Store {
    /** One H2 MVStore file: kept across restarts. The default. */
    DISK,
    /** The heap: gone when the server stops. */
    MEMORY;

    static Store parse(String value) {
      return switch (value) {
        case "disk" -> DISK;
        case "memory" -> MEMORY;
        default -> throw new IllegalArgumentException("--store is disk or memory, not " + value);
      };
    }
  }

  /**
   * Opens (or creates) the data file and listens on {@code host:port}; port 0 picks a free port.
   */
  public static LocalMongoServer start(String host, int port, Path dataFile) {
    return start(host, port, dataFile, Store.DISK);
  }

  /**
   * Listens on {@code host:port} with the data in {@code store}; port 0 picks a free port. With
   * {@link Store#MEMORY} the data file is only a name and nothing is written.
   */
  public static LocalMongoServer start(String host, int port, Path dataFile, Store store) {
    if (store == Store.MEMORY) {
      return listen(new MemoryBackend(), host, port, dataFile.toAbsolutePath());
    }
    Path absolute = dataFile.toAbsolutePath();
    try {
      Path parent = absolute.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot create the directory of " + absolute, e);
    }
    return listen(new H2Backend(absolute.toString()), host, port, absolute);
  }

  private static LocalMongoServer listen(
      MongoBackend backend, String host, int port, Path absolute) {
    MongoServer server = new MongoServer(backend);
    try {
      server.bind(host, port);
    } catch (RuntimeException e) {
      server.shutdownNow();
      throw e;
    }
    return new LocalMongoServer(server, server.getLocalAddress(), absolute);
  }

  public InetSocketAddress address() {
    return address;
  }

  public Path dataFile() {
    return dataFile;
  }

  public String connectionString() {
    return "mongodb://" + address.getHostString() + ":" + address.getPort();
  }

  /** Stops listening, waits for open requests and closes the store (flushing it to disk). */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      server.shutdown();
    }
  }

  public static void main(String[] args) throws InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(Options.USAGE);
      System.exit(2);
      return;
    }
    LocalMongoServer server =
        start(options.host(), options.port(), options.dataFile(), options.store());
    CountDownLatch stopped = new CountDownLatch(1);
    PrintStream out = System.out;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  out.println(
                      options.store() == Store.MEMORY
                          ? "mongo-wire server stopped, data dropped (--store memory)"
                          : "mongo-wire server stopped, data kept in " + server.dataFile());
                  stopped.countDown();
                },
                "local-mongo-shutdown"));
    out.println(
        "mongo-wire server listening on "
            + server.connectionString()
            + (options.store() == Store.MEMORY
                ? ", data in memory only (--store memory: nothing is kept)"
                : ", data in " + server.dataFile()));
    stopped.await();
  }

  record Options(String host, int port, Path dataFile, Store store) {

    static final String USAGE =
        "usage: LocalMongoServer --data FILE [--port 27017] [--host 127.0.0.1]"
            + " [--store disk|memory]";

    static Options parse(String[] args) {
      String host = DEFAULT_HOST;
      int port = DEFAULT_PORT;
      Path dataFile = null;
      Store store = Store.DISK;
      for (int i = 0; i < args.length; i++) {
        String name = args[i];
        if (i + 1 >= args.length) {
          throw new IllegalArgumentException("missing value for " + name);
        }
        String value = args[++i];
        switch (name) {
          case "--host" -> host = value;
          case "--port" -> port = parsePort(value);
          case "--data" -> dataFile = Path.of(value);
          case "--store" -> store = Store.parse(value);
          default -> throw new IllegalArgumentException("unknown option " + name);
        }
      }
      if (dataFile == null) {
        throw new IllegalArgumentException("--data FILE is required");
      }
      return new Options(host, port, dataFile, store);
    }

    private static int parsePort(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port < 0 || port > 65535) {
          throw new IllegalArgumentException("port out of range: " + value);
        }
        return port;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a port number: " + value, e);
      }
    }
  }
}
