package org.penpals.platform.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP port that refuses connections until {@link #forwardTo} opens it towards a real server. Lets
 * a test start a service against a Kafka bootstrap address where no broker runs yet, then bring the
 * broker "back" at that address (the in-JVM KRaft broker cannot be bound to a chosen port). Kafka
 * clients bootstrap through it and then talk to the broker's advertised address.
 */
public final class TcpProxy implements AutoCloseable {
  private final int port;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile ServerSocket server;

  private TcpProxy(int port) {
    this.port = port;
  }

  /** Reserves a free port that nothing listens on yet. */
  public static TcpProxy reserve() {
    try (ServerSocket probe = new ServerSocket(0)) {
      return new TcpProxy(probe.getLocalPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  public String address() {
    return "localhost:" + port;
  }

  /** Starts accepting on the reserved port and piping each connection to {@code host:port}. */
  public void forwardTo(String host, int targetPort) {
    try {
      ServerSocket listening = new ServerSocket();
      listening.setReuseAddress(true);
      listening.bind(new InetSocketAddress("127.0.0.1", port));
      server = listening;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Thread acceptor =
        new Thread(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket client = server.accept();
                  Socket target = new Socket(host, targetPort);
                  sockets.add(client);
                  sockets.add(target);
                  pipe(client, target);
                  pipe(target, client);
                } catch (IOException e) {
                  return;
                }
              }
            },
            "tcp-proxy-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private static void pipe(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException ignored) {
                // a side closed: the connection is over
              } finally {
                try {
                  to.close();
                } catch (IOException ignored) {
                  // already closed
                }
              }
            },
            "tcp-proxy-pipe");
    thread.setDaemon(true);
    thread.start();
  }

  @Override
  public void close() {
    try {
      if (server != null) {
        server.close();
      }
      for (Socket socket : sockets) {
        socket.close();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
