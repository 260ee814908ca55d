package dev.connectchat.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The standalone emulator in a JVM of its own, for the runners that need a chat service, and its control API. */
final class StandaloneEmulator implements AutoCloseable {
    private final Process process;
    /** HTTP/1.1: the JDK's default asks every cleartext request to upgrade to HTTP/2. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String endpoint;

    private StandaloneEmulator(Process process, String endpoint) {
        this.process = process;
        this.endpoint = endpoint;
    }

    /** @return the emulator of the testkit's standalone jar, started on a free port with {@code options} */
    static StandaloneEmulator start(Path root, String... options) throws IOException {
        List<String> command = new ArrayList<>(List.of(Runner.java(), "-jar",
                root.resolve("testkit/target/connectchat-testkit-0.1.0-SNAPSHOT-standalone.jar").toString(), "--port", "0"));
        command.addAll(List.of(options));
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String endpoint = null;
        for (String line; endpoint == null && (line = out.readLine()) != null; ) {
            if (line.startsWith("endpoint:")) {
                endpoint = line.substring("endpoint:".length()).trim();
            }
        }
        if (endpoint == null) {
            process.destroy();
            throw new IOException("the standalone emulator printed no endpoint");
        }
        Runner.drain(out); // it logs a line per request: a full pipe would stall it
        return new StandaloneEmulator(process, endpoint);
    }

    String endpoint() {
        return endpoint;
    }

    /** @return the answer of a control API call ({@code path} under {@code /_emulator}); fails unless it is a 200 */
    CompletableFuture<String> control(String path, String body) {
        String url = endpoint + "/_emulator" + path;
        return http.sendAsync(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString())
                .thenApply(answer -> {
                    if (answer.statusCode() != 200) {
                        throw new IllegalStateException(url + ": " + answer.statusCode() + " " + answer.body());
                    }
                    return answer.body();
                });
    }

    /** @return a string member of a JSON answer */
    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(10, TimeUnit.SECONDS);
    }
}
