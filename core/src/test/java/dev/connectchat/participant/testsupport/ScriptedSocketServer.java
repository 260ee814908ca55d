package dev.connectchat.participant.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP server on 127.0.0.1 for byte-level tricks a well-behaved HTTP server would never play: each
 * accepted connection is handed, on its own thread, to a script that reads and writes raw bytes. It counts
 * connections accepted and still open, so tests can see what a client leaves behind.
 */
public final class ScriptedSocketServer implements AutoCloseable {
    /** What the server does with one connection. */
    @FunctionalInterface
    public interface Script {
        void run(Socket socket, InputStream in, OutputStream out) throws Exception;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "scripted-socket-server");
        t.setDaemon(true);
        return t;
    });
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile Script script;

    private ScriptedSocketServer(Script script) throws IOException {
        this.script = script;
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        threads.execute(this::acceptLoop);
    }

    /** @return a server running {@code script} for each connection */
    public static ScriptedSocketServer start(Script script) {
        try {
            return new ScriptedSocketServer(script);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @param next the script for connections accepted from now on */
    public void script(Script next) {
        this.script = next;
    }

    /** @return {@code http://127.0.0.1:<port>} */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** @return connections accepted so far */
    public int accepted() {
        return accepted.get();
    }

    /** @return connections the peer has not closed yet (a connection counts as closed once its script sees EOF) */
    public int open() {
        open.removeIf(Socket::isClosed);
        return open.size();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                accepted.incrementAndGet();
                open.add(socket);
                Script current = script;
                threads.execute(() -> {
                    try (socket) {
                        current.run(socket, socket.getInputStream(), socket.getOutputStream());
                    } catch (Exception ignored) {
                        // the client went away mid-script: that is what many tests are about
                    } finally {
                        open.remove(socket);
                    }
                });
            } catch (IOException closed) {
                return;
            }
        }
    }

    /**
     * Reads one HTTP request's head and its body (by {@code Content-Length}).
     *
     * @return the request head, as text
     */
    public static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed before the end of the request head");
            }
            head.append((char) b);
        }
        String text = head.toString();
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                in.readNBytes(Integer.parseInt(line.substring(15).trim()));
            }
        }
        return text;
    }

    /** Blocks until the peer closes the connection (reads and drops whatever it sends). */
    public static void awaitClose(InputStream in) throws IOException {
        byte[] sink = new byte[4096];
        while (in.read(sink) >= 0) {
            // drop
        }
    }

    /** @return {@code text} as ASCII bytes */
    public static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        open.forEach(s -> {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing
            }
        });
        threads.shutdownNow();
    }
}
