package dev.connectchat.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Headless Chromium driven through {@code src/test/js/bridge.mjs} (playwright-core on Debian's Chromium): one JSON
 * command per line, one answer per line. Pages are named; a call that is not one of the bridge's own runs the
 * page's {@code window.widget} method of that name.
 */
final class Chromium implements AutoCloseable {
    static final Path MODULE = Paths.get("").toAbsolutePath();
    private static final Path CHROMIUM = Paths.get(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final BufferedReader out;
    private final Writer in;
    private final String site;
    private int next = 1;

    private Chromium() throws IOException {
        process = new ProcessBuilder("node", "src/test/js/bridge.mjs").directory(MODULE.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        String hello = out.readLine();
        if (hello == null) {
            throw new IOException("the browser bridge ended before it started");
        }
        site = JSON.readTree(hello).path("value").asText();
    }

    /** @return why the browser tests cannot run here, or empty when they can (installing the npm packages if needed) */
    static Optional<String> unavailable() {
        if (!Files.isExecutable(CHROMIUM)) {
            return Optional.of("no Chromium at " + CHROMIUM + " (apt-get install chromium chromium-driver, or set CHROMIUM)");
        }
        if (!runs("node", "--version")) {
            return Optional.of("no Node.js on the PATH");
        }
        if (!Files.isDirectory(MODULE.resolve("node_modules/amazon-connect-chatjs"))
                && !runs("npm", "ci", "--no-audit", "--no-fund")) {
            return Optional.of("npm ci failed (the npm registry is needed once, for the packages in package-lock.json)");
        }
        return Optional.empty();
    }

    private static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(MODULE.toFile()).redirectErrorStream(true)
                    .redirectOutput(new File(System.getProperty("java.io.tmpdir"), "connectchat-browser-setup.log"))
                    .start();
            return p.waitFor(5, TimeUnit.MINUTES) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static Chromium start() throws IOException {
        return new Chromium();
    }

    /** @return the address the bridge serves the widget page from */
    String site() {
        return site;
    }

    /**
     * @param page the page's name
     * @param call a bridge command or a {@code window.widget} method
     * @param args its argument (an object), or {@code null}
     * @return the answer's value
     */
    synchronized JsonNode call(String page, String call, Object args) {
        try {
            ObjectNode command = JSON.createObjectNode().put("id", next++).put("page", page).put("call", call);
            command.set("args", JSON.valueToTree(args));
            in.write(JSON.writeValueAsString(command) + "\n");
            in.flush();
            String line = out.readLine();
            if (line == null) {
                throw new IllegalStateException("the browser bridge ended");
            }
            JsonNode answer = JSON.readTree(line);
            if (!answer.path("ok").asBoolean()) {
                throw new IllegalStateException(call + " failed in the page: " + answer.path("error").asText()
                        + "\nbrowser console: " + call(page, "log", null));
            }
            return answer.path("value");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Polls the page until {@code done} holds for the answer of {@code call}, or fails after {@code within}. */
    JsonNode until(String page, String call, Predicate<JsonNode> done, Duration within) {
        return until(page, call, done, within, null);
    }

    /** As {@link #until(String, String, Predicate, Duration)}, the call taking {@code args}. */
    JsonNode until(String page, String call, Predicate<JsonNode> done, Duration within, Object args) {
        Instant deadline = Instant.now().plus(within);
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = call(page, call, args);
            if (done.test(last)) {
                return last;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the page never got there; last answer of " + call + ": " + last
                + "\nbrowser console: " + call(page, "log", null));
    }

    @Override
    public void close() {
        try {
            in.write("{\"id\":-1,\"call\":\"quit\"}\n");
            in.flush();
        } catch (IOException ignored) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
