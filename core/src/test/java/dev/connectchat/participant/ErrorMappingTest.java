package dev.connectchat.participant;

import dev.connectchat.participant.model.SendMessageRequest;
import dev.connectchat.participant.model.SendMessageResponse;
import dev.connectchat.participant.testsupport.CaptureServer;
import dev.connectchat.participant.testsupport.CaptureServer.Reply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Error answers become the typed exception AWS SDKs would pick, with status, code, message and request id. */
class ErrorMappingTest {
    static CaptureServer server;
    static ParticipantClient client;

    @BeforeAll
    static void start() {
        server = CaptureServer.start();
        client = ParticipantClient.builder().endpoint(server.uri()).retryPolicy(RetryPolicy.none()).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "403, AccessDeniedException, dev.connectchat.participant.AccessDeniedException",
            "400, ValidationException, dev.connectchat.participant.ValidationException",
            "429, ThrottlingException, dev.connectchat.participant.ThrottlingException",
            "500, InternalServerException, dev.connectchat.participant.InternalServerException",
            "402, ServiceQuotaExceededException, dev.connectchat.participant.ServiceQuotaExceededException",
            "409, ConflictException, dev.connectchat.participant.ConflictException",
            "404, ResourceNotFoundException, dev.connectchat.participant.ResourceNotFoundException",
    })
    void everyModeledErrorFromTheErrorTypeHeader(int status, String code, Class<?> type) {
        server.enqueue(Reply.of(status, Map.of("x-amzn-ErrorType", code + ":http://internal.amazon.com/coral/",
                "x-amzn-RequestId", "req-" + status, "Content-Type", "application/json"),
                "{\"Message\":\"went wrong " + status + "\"}"));
        ParticipantServiceException e = failure(send());
        assertThat(e).isInstanceOf(type);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.errorMessage()).isEqualTo("went wrong " + status);
        assertThat(e.requestId()).isEqualTo("req-" + status);
        assertThat(e.rawBody()).isEqualTo("{\"Message\":\"went wrong " + status + "\"}");
        assertThat(e.getMessage()).isEqualTo("went wrong " + status + " (Status: " + status + ", Error: " + code
                + ", Request ID: req-" + status + ")");
    }

    @Test
    void codeFromBodyTypeKeepsWhatFollowsTheHash() {
        server.enqueue(Reply.json(429, "{\"__type\":\"com.amazonaws.connectparticipant#ThrottlingException\","
                + "\"message\":\"slow down\"}"));
        ParticipantServiceException e = failure(send());
        assertThat(e).isInstanceOf(ThrottlingException.class);
        assertThat(e.errorMessage()).isEqualTo("slow down");
        assertThat(e.isThrottling()).isTrue();
        assertThat(e.isRetryable()).isTrue();
    }

    @Test
    void codeFromBodyCodeIsCutAtTheColon() {
        server.enqueue(Reply.json(409, "{\"code\":\"ConflictException:extra\",\"Reason\":\"already completed\"}"));
        ParticipantServiceException e = failure(send());
        assertThat(e).isInstanceOf(ConflictException.class);
        assertThat(e.errorMessage()).isEqualTo("already completed");
        assertThat(e.isRetryable()).isFalse();
    }

    @Test
    void headerWinsOverBodyAndMessageHeaderWinsOverBodyMessage() {
        server.enqueue(Reply.of(400, Map.of("x-amzn-ErrorType", "ValidationException",
                "x-amzn-error-message", "from header", "x-amz-request-id", "alt-id"),
                "{\"__type\":\"AccessDeniedException\",\"message\":\"from body\"}"));
        ParticipantServiceException e = failure(send());
        assertThat(e).isInstanceOf(ValidationException.class);
        assertThat(e.errorMessage()).isEqualTo("from header");
        assertThat(e.requestId()).isEqualTo("alt-id");
    }

    @Test
    void theStatusDoesNotPickTheType() {
        server.enqueue(Reply.json(403, "{\"__type\":\"accessdeniedexception\",\"errorMessage\":\"lower case\"}"));
        ParticipantServiceException e = failure(send());
        assertThat(e.getClass()).isEqualTo(ParticipantServiceException.class);
        assertThat(e.errorCode()).isEqualTo("accessdeniedexception");
        assertThat(e.errorMessage()).isEqualTo("lower case");
    }

    @Test
    void unknownCodeEmptyBodyAndNonJsonGiveTheBaseTypeWithTheStatus() {
        server.enqueue(Reply.json(418, "{\"__type\":\"TeapotException\"}"));
        ParticipantServiceException unknown = failure(send());
        assertThat(unknown.getClass()).isEqualTo(ParticipantServiceException.class);
        assertThat(unknown.statusCode()).isEqualTo(418);
        assertThat(unknown.errorCode()).isEqualTo("TeapotException");

        server.enqueue(Reply.json(503, ""));
        ParticipantServiceException empty = failure(send());
        assertThat(empty.getClass()).isEqualTo(ParticipantServiceException.class);
        assertThat(empty.statusCode()).isEqualTo(503);
        assertThat(empty.errorCode()).isNull();
        assertThat(empty.rawBody()).isNull();
        assertThat(empty.isRetryable()).isTrue();

        server.enqueue(Reply.of(502, Map.of("Content-Type", "text/html"), "<html>Bad Gateway</html>"));
        ParticipantServiceException html = failure(send());
        assertThat(html.getClass()).isEqualTo(ParticipantServiceException.class);
        assertThat(html.statusCode()).isEqualTo(502);
        assertThat(html.rawBody()).isEqualTo("<html>Bad Gateway</html>");
        assertThat(html.isRetryable()).isTrue();
    }

    @Test
    void resourceNotFoundCarriesTheResource() {
        server.enqueue(Reply.of(404, Map.of("x-amzn-ErrorType", "ResourceNotFoundException"),
                "{\"Message\":\"no view\",\"ResourceId\":\"v-1\",\"ResourceType\":\"CONTACT\"}"));
        ResourceNotFoundException e = (ResourceNotFoundException) failure(send());
        assertThat(e.resourceId()).isEqualTo("v-1");
        assertThat(e.resourceType()).isEqualTo("CONTACT");
    }

    @Test
    void aSuccessBodyThatIsNotTheResponseIsAClearError() {
        server.enqueue(Reply.json(200, "{not json"));
        ParticipantServiceException e = failure(send());
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage()).contains("SendMessage");
    }

    @Test
    void anEmptySuccessBodyIsAnErrorWhereTheResponseHasMembers() {
        server.enqueue(Reply.json(200, ""));
        ParticipantServiceException e = failure(send());
        assertThat(e.statusCode()).isEqualTo(200);
        assertThat(e.getMessage()).contains("SendMessage", "empty body");
    }

    private static Mono<SendMessageResponse> send() {
        return client.sendMessage(SendMessageRequest.builder().connectionToken("tok").contentType("text/plain")
                .content("hi").build());
    }

    private static ParticipantServiceException failure(Mono<?> call) {
        Throwable[] seen = new Throwable[1];
        StepVerifier.create(call)
                .expectErrorSatisfies(e -> seen[0] = e)
                .verify(Duration.ofSeconds(10));
        server.drain();
        assertThat(seen[0]).isInstanceOf(ParticipantServiceException.class);
        return (ParticipantServiceException) seen[0];
    }
}
