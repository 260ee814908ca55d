package dev.connectchat.participant;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.SendEventRequest;
import dev.connectchat.participant.model.StartAttachmentUploadRequest;
import dev.connectchat.participant.model.StartPosition;
import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
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
        if (content == null || length < 1 || length > (limit == null ? 16384 : limit) || loneSurrogate(content)) {
            broken.add("Content");
        }
        checkCommon(token, clientToken, broken);
        SendMessageRequest request = SendMessageRequest.builder().connectionToken(token).contentType(contentType)
                .content(content).clientToken(clientToken).build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ContentType", contentType);
        body.put("Content", content);
        body.put("ClientToken", clientToken);
        verify(() -> client.sendMessage(request).block(Duration.ofSeconds(10)), broken, token, body, "/participant/message",
                true);
    }

    @Property(tries = 250)
    void sendEvent(@ForAll("eventTypes") String contentType, @ForAll("optionalTexts") String content,
                   @ForAll("tokens") String token, @ForAll("clientTokens") String clientToken) throws Exception {
        List<String> broken = new ArrayList<>();
        if (contentType == null || !EVENT_TYPES.contains(contentType)) {
            broken.add("ContentType");
        }
        if (content != null && (content.isEmpty() || content.codePointCount(0, content.length()) > 16384
                || loneSurrogate(content))) {
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
        verify(() -> client.sendEvent(request).block(Duration.ofSeconds(10)), broken, token, body, "/participant/event",
                true);
    }

    @Property(tries = 250)
    void getTranscript(@ForAll("optionalNames") String contactId, @ForAll("counts") Integer maxResults,
                       @ForAll("optionalNames") String nextToken, @ForAll("optionalNames") String startId,
                       @ForAll("counts") Integer mostRecent, @ForAll("tokens") String token) throws Exception {
        List<String> broken = new ArrayList<>();
        lengthWithin(contactId, 256, "ContactId", broken);
        lengthWithin(nextToken, 1000, "NextToken", broken);
        lengthWithin(startId, 256, "StartPosition.Id", broken);
        if (maxResults != null && (maxResults < 0 || maxResults > 100)) {
            broken.add("MaxResults");
        }
        if (mostRecent != null && (mostRecent < 0 || mostRecent > 100)) {
            broken.add("StartPosition.MostRecent");
        }
        checkCommon(token, null, broken);
        GetTranscriptRequest.Builder builder = GetTranscriptRequest.builder().connectionToken(token).contactId(contactId)
                .maxResults(maxResults).nextToken(nextToken);
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "ContactId", contactId);
        putIfSet(body, "MaxResults", maxResults);
        putIfSet(body, "NextToken", nextToken);
        if (startId != null || mostRecent != null) {
            builder.startPosition(StartPosition.builder().id(startId).mostRecent(mostRecent).build());
            Map<String, Object> start = new LinkedHashMap<>();
            putIfSet(start, "Id", startId);
            putIfSet(start, "MostRecent", mostRecent);
            body.put("StartPosition", start);
        }
        GetTranscriptRequest request = builder.build();
        verify(() -> client.getTranscript(request).block(Duration.ofSeconds(10)), broken, token, body,
                "/participant/transcript", false);
    }

    @Property(tries = 250)
    void startAttachmentUpload(@ForAll("optionalNames") String contentType, @ForAll("sizes") Long size,
                               @ForAll("optionalNames") String name, @ForAll("tokens") String token) throws Exception {
        List<String> broken = new ArrayList<>();
        required(contentType, 255, "ContentType", broken);
        required(name, 256, "AttachmentName", broken);
        if (size == null || size < 1) {
            broken.add("AttachmentSizeInBytes");
        }
        checkCommon(token, null, broken);
        StartAttachmentUploadRequest request = StartAttachmentUploadRequest.builder().connectionToken(token)
                .contentType(contentType).attachmentSizeInBytes(size).attachmentName(name).clientToken("ct-1").build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ContentType", contentType);
        body.put("AttachmentSizeInBytes", size);
        body.put("AttachmentName", name);
        body.put("ClientToken", "ct-1");
        verify(() -> client.startAttachmentUpload(request).block(Duration.ofSeconds(10)), broken, token, body,
                "/participant/start-attachment-upload", false);
    }

    @Property(tries = 150)
    void getAttachment(@ForAll("optionalNames") String attachmentId, @ForAll("tokens") String token) throws Exception {
        List<String> broken = new ArrayList<>();
        required(attachmentId, 256, "AttachmentId", broken);
        checkCommon(token, null, broken);
        var request = dev.connectchat.participant.model.GetAttachmentRequest.builder().connectionToken(token)
                .attachmentId(attachmentId).build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AttachmentId", attachmentId);
        verify(() -> client.getAttachment(request).block(Duration.ofSeconds(10)), broken, token, body,
                "/participant/attachment", false);
    }

    @Property(tries = 150)
    void completeAttachmentUpload(@ForAll("idLists") List<String> ids, @ForAll("tokens") String token) throws Exception {
        List<String> broken = new ArrayList<>();
        if (ids == null || ids.size() != 1 || ids.get(0) == null || ids.get(0).isEmpty()
                || ids.get(0).codePointCount(0, ids.get(0).length()) > 256) {
            broken.add("AttachmentIds");
        }
        checkCommon(token, null, broken);
        var request = dev.connectchat.participant.model.CompleteAttachmentUploadRequest.builder().connectionToken(token)
                .attachmentIds(ids).clientToken("ct-1").build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("AttachmentIds", ids);
        body.put("ClientToken", "ct-1");
        verify(() -> client.completeAttachmentUpload(request).block(Duration.ofSeconds(10)), broken, token, body,
                "/participant/complete-attachment-upload", false);
    }

    @Property(tries = 150)
    void createParticipantConnectionAndDisconnect(@ForAll("tokens") String token, @ForAll boolean connect,
                                                  @ForAll("clientTokens") String clientToken) throws Exception {
        List<String> broken = new ArrayList<>();
        if (token == null || token.isEmpty() || token.codePointCount(0, token.length()) > 1000) {
            broken.add("ParticipantToken");
        }
        var create = dev.connectchat.participant.model.CreateParticipantConnectionRequest.builder()
                .participantToken(token).type(dev.connectchat.participant.model.ConnectionType.CONNECTION_CREDENTIALS)
                .connectParticipant(connect).build();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Type", List.of("CONNECTION_CREDENTIALS"));
        body.put("ConnectParticipant", connect);
        verify(() -> client.createParticipantConnection(create).block(Duration.ofSeconds(10)), broken, token, body,
                "/participant/connection", false);

        List<String> leaving = new ArrayList<>();
        checkCommon(token, clientToken, leaving);
        var disconnect = dev.connectchat.participant.model.DisconnectParticipantRequest.builder().connectionToken(token)
                .clientToken(clientToken).build();
        Map<String, Object> disconnectBody = new LinkedHashMap<>();
        disconnectBody.put("ClientToken", clientToken);
        verify(() -> client.disconnectParticipant(disconnect).block(Duration.ofSeconds(10)), leaving, token,
                disconnectBody, "/participant/disconnect", false);
    }

    /** A lone surrogate has no UTF-8 form: no body can carry it, so the client refuses it. */
    private static boolean loneSurrogate(String s) {
        return !s.codePoints().allMatch(c -> c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE);
    }

    private static void lengthWithin(String value, int max, String member, List<String> broken) {
        if (value != null && (value.isEmpty() || value.codePointCount(0, value.length()) > max)) {
            broken.add(member);
        }
    }

    private static void required(String value, int max, String member, List<String> broken) {
        if (value == null) {
            broken.add(member);
        } else {
            lengthWithin(value, max, member, broken);
        }
    }

    private static void putIfSet(Map<String, Object> body, String member, Object value) {
        if (value != null) {
            body.put(member, value);
        }
    }

    private static void checkCommon(String token, String clientToken, List<String> broken) {
        if (token == null || token.isEmpty() || token.codePointCount(0, token.length()) > 1000) {
            broken.add("ConnectionToken");
        }
        if (clientToken != null && clientToken.codePointCount(0, clientToken.length()) > 500) {
            broken.add("ClientToken");
        }
    }

    /**
     * @param exactBytes whether the body must be these members in this order, byte for byte; else as JSON,
     *                   member order aside (WireFormatTest pins the order of every operation)
     */
    private static void verify(Runnable call, List<String> broken, String token, Map<String, Object> body,
                               String path, boolean exactBytes) throws Exception {
        int before = server.pending();
        if (!broken.isEmpty()) {
            InvalidRequestException e = org.assertj.core.api.Assertions.catchThrowableOfType(InvalidRequestException.class, call::run);
            assertThat(e).as("refused: %s", broken).isNotNull();
            // the member itself, or an element of it ("AttachmentIds[]")
            assertThat(broken).as("the member named: %s", e.member())
                    .anyMatch(b -> e.member().equals(b) || e.member().startsWith(b + "["));
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
        if (exactBytes) {
            assertThat(sent.body()).as("the body, byte for byte").isEqualTo(PLAIN.writeValueAsBytes(body));
        } else {
            assertThat(PLAIN.readTree(sent.body())).isEqualTo(PLAIN.readTree(PLAIN.writeValueAsBytes(body)));
        }
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
        Arbitrary<String> unit = Arbitraries.frequencyOf(Tuple.of(40, Arbitraries.of("a", "é", "\u0001", "\"", "\\",
                "\uD83D\uDE00", "\n", "€")), Tuple.of(1, Arbitraries.of("\uD83D", "\uDE00")));
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
    Arbitrary<String> optionalNames() {
        return Arbitraries.oneOf(Arbitraries.of(0, 1, 2, 255, 256, 257, 999, 1000, 1001).map("n"::repeat),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(20)).injectNull(0.3);
    }

    @Provide
    Arbitrary<List<String>> idLists() {
        return Arbitraries.oneOf(optionalNames().list().ofMinSize(0).ofMaxSize(2), Arbitraries.just(null));
    }

    @Provide
    Arbitrary<Integer> counts() {
        return Arbitraries.of(-1, 0, 1, 50, 99, 100, 101, Integer.MAX_VALUE).injectNull(0.3);
    }

    @Provide
    Arbitrary<Long> sizes() {
        return Arbitraries.of(-1L, 0L, 1L, 1024L, 20L * 1024 * 1024, Long.MAX_VALUE).injectNull(0.1);
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
