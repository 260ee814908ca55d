package dev.connectchat.participant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request builder against generated input: a request that breaks a documented rule fails with an
 * {@link InvalidRequestException} naming a member it breaks, and nothing is sent; any other is sent, its body
 * byte for byte what the service expects. The rules are restated here from the service model and the
 * service's documented per-type limits, not taken from the client's validator.
 */
class RequestPropertiesTest {
    private static final Map<String, Integer> MESSAGE_LIMITS = Map.of(
            "text/plain", 1024, "text/markdown", 1024, "application/json", 12000,
            "application/vnd.amazonaws.connect.message.interactive.response", 12288);
    private static final List<String> EVENT_TYPES = List.of(
            "application/vnd.amazonaws.connect.event.typing",
            "application/vnd.amazonaws.connect.event.message.read",
            "application/vnd.amazonaws.connect.event.message.delivered",
            "application/vnd.amazonaws.connect.event.connection.acknowledged");
    private static final ObjectMapper PLAIN = new ObjectMapper();

    static CaptureServer server;
    static ParticipantClient client;

    @BeforeContainer
    static void start() {
        server = CaptureServer.start().otherwise(r -> Reply.json(200, "{\"Id\":\"i\",\"AbsoluteTime\":\"2026-01-01T00:00:00.000Z\"}"));
        client = ParticipantClient.builder().endpoint(server.uri()).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 250)
    void sendMessage(@ForAll("contentTypes") String contentType, @ForAll("texts") String content,
                     @ForAll("tokens") String token, @ForAll("clientTokens") String clientToken) throws Exception {
        List<String> broken = new ArrayList<>();
        Integer limit = contentType == null ? null : MESSAGE_LIMITS.get(contentType);
        if (contentType == null || limit == null) {
            broken.add("ContentType");
        }
        int length = content == null ? 0 : content.codePointCount(0, content.length());
        if (content == null || length < 1 || length > (limit == null ? 16384 : limit)) {
            broken.add("Content");
        }
        checkCommon(token, clientToken, broken);
        SendMessageRequest request = SendMessageRequest.builder().connectionToken(token).contentType(contentType)
                .content(content).clientToken(clientToken).build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ContentType", contentType);
        body.put("Content", content);
        body.put("ClientToken", clientToken);
        verify(() -> client.sendMessage(request).block(Duration.ofSeconds(10)), broken, token, body, "/participant/message");
    }

    @Property(tries = 250)
    void sendEvent(@ForAll("eventTypes") String contentType, @ForAll("optionalTexts") String content,
                   @ForAll("tokens") String token, @ForAll("clientTokens") String clientToken) throws Exception {
        List<String> broken = new ArrayList<>();
        if (contentType == null || !EVENT_TYPES.contains(contentType)) {
            broken.add("ContentType");
        }
        if (content != null && (content.isEmpty() || content.codePointCount(0, content.length()) > 16384)) {
            broken.add("Content");
        }
        checkCommon(token, clientToken, broken);
        SendEventRequest request = SendEventRequest.builder().connectionToken(token).contentType(contentType)
                .content(content).clientToken(clientToken).build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ContentType", contentType);
        if (content != null) {
            body.put("Content", content);
        }
        body.put("ClientToken", clientToken);
        verify(() -> client.sendEvent(request).block(Duration.ofSeconds(10)), broken, token, body, "/participant/event");
    }

    private static void checkCommon(String token, String clientToken, List<String> broken) {
        if (token == null || token.isEmpty() || token.codePointCount(0, token.length()) > 1000) {
            broken.add("ConnectionToken");
        }
        if (clientToken != null && clientToken.codePointCount(0, clientToken.length()) > 500) {
            broken.add("ClientToken");
        }
    }

    private static void verify(Runnable call, List<String> broken, String token, Map<String, Object> body,
                               String path) throws Exception {
        int before = server.pending();
        if (!broken.isEmpty()) {
            InvalidRequestException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequestException.class, call::run);
            assertThat(e).as("refused: %s", broken).isNotNull();
            assertThat(broken).as("the member named").contains(e.member());
            assertThat(e.getMessage()).contains(e.member());
            assertThat(server.pending()).as("nothing sent").isEqualTo(before);
            return;
        }
        call.run();
        CaptureServer.Recorded sent = server.take();
        assertThat(sent.path()).isEqualTo(path);
        assertThat(sent.headers().get("X-Amz-Bearer")).isEqualTo(token);
        if ("".equals(body.get("ClientToken"))) {
            // an empty idempotency token is none: the client makes one, as the SDKs do
            String made = PLAIN.readTree(sent.body()).path("ClientToken").asText();
            assertThat(made).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
            body.put("ClientToken", made);
        }
        assertThat(sent.body()).as("the body, byte for byte").isEqualTo(PLAIN.writeValueAsBytes(body));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.oneOf(Arbitraries.of(MESSAGE_LIMITS.keySet().toArray(String[]::new)),
                Arbitraries.of("text/html", "", "TEXT/PLAIN"), Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> eventTypes() {
        return Arbitraries.oneOf(Arbitraries.of(EVENT_TYPES.toArray(String[]::new)),
                Arbitraries.of("application/vnd.amazonaws.connect.event.participant.left", ""), Arbitraries.just(null));
    }

    /** Lengths at and around every limit, in characters that are one, two (a surrogate pair) or escaped bytes. */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<Integer> lengths = Arbitraries.oneOf(
                Arbitraries.of(0, 1, 2, 1023, 1024, 1025, 11999, 12000, 12001, 12287, 12288, 12289, 16384, 16385),
                Arbitraries.integers().between(0, 17000));
        Arbitrary<String> unit = Arbitraries.of("a", "é", "\u0001", "\"", "\\", "\uD83D\uDE00", "\n", "€");
        return Combinators.combine(lengths, unit, unit).as((n, a, b) -> {
            StringBuilder s = new StringBuilder();
            for (int i = 0; i < n; i++) {
                s.append(i % 7 == 3 ? b : a);
            }
            return s.toString();
        }).injectNull(0.05);
    }

    @Provide
    Arbitrary<String> optionalTexts() {
        return Arbitraries.oneOf(texts(), Arbitraries.just(null));
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(40),
                Arbitraries.of(0, 1, 999, 1000, 1001).map("t"::repeat)).injectNull(0.05);
    }

    @Provide
    Arbitrary<String> clientTokens() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 36, 500, 501).map("c"::repeat), Arbitraries.just(null))
                .map(t -> t == null ? "fixed-client-token" : t);
    }
}
