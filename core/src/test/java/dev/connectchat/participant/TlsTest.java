package dev.connectchat.participant;

import dev.connectchat.participant.model.SendMessageRequest;
import io.netty.handler.ssl.util.SelfSignedCertificate;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.Http11SslContextSpec;
import reactor.netty.http.server.HttpServer;
import reactor.test.StepVerifier;

import java.net.URI;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** TLS is verified by default: a server whose certificate nobody vouches for is refused. */
class TlsTest {

    @Test
    void anUntrustedCertificateIsRefused() throws Exception {
        SelfSignedCertificate certificate = new SelfSignedCertificate("participant.connect.example.com");
        DisposableServer server = HttpServer.create().host("127.0.0.1").port(0)
                .secure(spec -> spec.sslContext(Http11SslContextSpec.forServer(certificate.certificate(),
                        certificate.privateKey())))
                .handle((req, res) -> res.sendString(reactor.core.publisher.Mono.just("{}")))
                .bindNow();
        try {
            ParticipantClient client = ParticipantClient.builder()
                    .endpoint(URI.create("https://127.0.0.1:" + server.port()))
                    .retryPolicy(RetryPolicy.none()).build();
            StepVerifier.create(client.sendMessage(SendMessageRequest.builder().connectionToken("t")
                            .contentType("text/plain").content("hi").build()))
                    .expectErrorSatisfies(e -> {
                        assertThat(e).isInstanceOf(ParticipantTransportException.class);
                        assertThat(((ParticipantTransportException) e).kind())
                                .isEqualTo(ParticipantTransportException.Kind.CONNECT);
                        assertThat(e.getCause()).isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
                        assertThat(e).rootCause().hasMessageContaining("certification path");
                    })
                    .verify(Duration.ofSeconds(10));
        } finally {
            server.disposeNow();
            certificate.delete();
        }
    }
}
