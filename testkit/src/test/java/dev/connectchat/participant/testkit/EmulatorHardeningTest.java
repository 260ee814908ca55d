package dev.connectchat.participant.testkit;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.ConnectionType;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.testsupport.Awaits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Bad clients against the emulator: floods of large bodies, slow or silent connections, sockets that never
 * subscribe, frames before the upgrade answer, malformed signed-URL parameters, too many chats, spoofed
 * {@code Host} headers. The emulator answers each with a clear refusal or cuts it off, and stays up.
 */
class EmulatorHardeningTest {
    ParticipantEmulator emulator;
    final List<Socket> sockets = new ArrayList<>();

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (emulator != null) {
            emulator.close();
        }
    }

    private Socket raw() throws IOException {
        Socket s = new Socket(InetAddress.getLoopbackAddress(), emulator.endpoint().getPort());
        s.setSoTimeout(20_000);
        sockets.add(s);
        return s;
    }

    /** @return a fresh chat socket URL of the chat's customer, as CreateParticipantConnection hands it out */
    private String socketUrl(EmulatedChat chat) {
        return ParticipantClient.builder().endpoint(emulator.endpoint()).build()
                .createParticipantConnection(CreateParticipantConnectionRequest.builder()
                        .participantToken(chat.participantToken()).type(ConnectionType.WEBSOCKET).build())
                .block(Duration.ofSeconds(10)).websocket().url();
    }

    private static void write(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** @return what the server sent until it closed the connection, or until it went quiet after a head */
    private static String readAnswer(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        StringBuilder text = new StringBuilder();
        byte[] buf = new byte[8192];
        try {
            int n;
            while ((n = in.read(buf)) >= 0) {
                text.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
                if (text.indexOf("\r\n\r\n") >= 0) {
                    s.setSoTimeout(500);
                }
            }
        } catch (SocketTimeoutException quiet) {
            if (text.indexOf("\r\n\r\n") < 0) {
                throw quiet;
            }
        }
        return text.toString();
    }

    /** @return whether the server closed the connection (read gives end of stream or a reset) */
    private static boolean closedByServer(Socket s) {
        try {
            return s.getInputStream().read() < 0;
        } catch (IOException reset) {
            return true;
        }
    }

    @Test
    void largeBodiesAreRefusedWith413UnreadEvenManyAtOnce() throws Exception {
        emulator = ParticipantEmulator.start();
        List<CompletableFuture<String>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Socket s = raw();
            answers.add(CompletableFuture.supplyAsync(() -> {
                try {
                    write(s, "POST /participant/message HTTP/1.1\r\nHost: x\r\nX-Amz-Bearer: t\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 52428800\r\n\r\n");
                    return readAnswer(s);
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (CompletableFuture<String> answer : answers) {
            assertThat(answer.get()).startsWith("HTTP/1.1 413").contains("Request Too Long");
        }
        // a body that says nothing of its length is counted as it comes
        Socket chunked = raw();
        write(chunked, "POST /participant/message HTTP/1.1\r\nHost: x\r\nX-Amz-Bearer: t\r\n"
                + "Transfer-Encoding: chunked\r\n\r\n");
        String chunk = "100000\r\n" + "a".repeat(0x100000) + "\r\n";
        write(chunked, chunk + chunk);
        // the 413, unless the kernel resets the connection first for the bytes left unread (the refusal too)
        try {
            assertThat(readAnswer(chunked)).startsWith("HTTP/1.1 413");
        } catch (java.net.SocketException reset) {
            assertThat(reset).hasMessageContaining("reset");
        }
        // and the emulator still serves
        assertThat(emulator.startChat().participantToken()).isNotEmpty();
    }

    @Test
    void slowAndSilentConnectionsAreCutOff() throws Exception {
        emulator = ParticipantEmulator.builder().connectionTimeouts(Duration.ofMillis(500), Duration.ofMillis(300))
                .start();
        List<Socket> silent = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            silent.add(raw());
        }
        Socket dripping = raw();
        // a slowloris: a header line, then nothing; each read below blocks until the server gives up on it
        write(dripping, "POST /participant/message HTTP/1.1\r\nHost: x\r\n");
        for (Socket s : silent) {
            assertThat(closedByServer(s)).isTrue();
        }
        assertThat(closedByServer(dripping)).isTrue();
    }

    @Test
    void aSubscribedSocketOutlivesTheHttpReadTimeout() throws Exception {
        emulator = ParticipantEmulator.builder().connectionTimeouts(Duration.ofMillis(200), Duration.ofMillis(100))
                .start();
        EmulatedChat chat = emulator.startChat();
        try (WsProbe probe = WsProbe.open(socketUrl(chat))) {
            probe.send("{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}");
            assertThat(probe.next()).contains("success");
            // quiet for ten read timeouts: nothing comes, and the socket stays
            assertThat(probe.poll(1000)).isNull();
            chat.agent().sendMessage("still here");
            assertThat(probe.next()).contains("still here");
        }
    }

    @Test
    void aSocketThatNeverSubscribesIsClosed() {
        emulator = ParticipantEmulator.builder().socketTimeouts(Duration.ofMillis(300), Duration.ofMinutes(10)).start();
        EmulatedChat chat = emulator.startChat();
        String url = socketUrl(chat);
        AtomicInteger closes = new AtomicInteger();
        reactor.netty.http.client.HttpClient.create().websocket().uri(URI.create(url))
                .handle((in, out) -> in.receiveCloseStatus().doOnNext(status -> {
                    if (status.code() == 1008) {
                        closes.incrementAndGet();
                    }
                }).then())
                .subscribe();
        Awaits.until(() -> closes.get() == 1);
        Awaits.until(() -> chat.openWebSockets() == 0);
    }

    @Test
    void framesSentBeforeTheUpgradeAnswerAreReadNotLostOrLeaked() throws Exception {
        emulator = ParticipantEmulator.start();
        EmulatedChat chat = emulator.startChat();
        for (int i = 0; i < 50; i++) {
            URI url = URI.create(socketUrl(chat));
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), url.getPort())) {
                s.setSoTimeout(10_000);
                byte[] frame = maskedText("{\"topic\":\"aws/subscribe\",\"content\":{\"topics\":[\"aws/chat\"]}}");
                byte[] head = ("GET " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                        + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1);
                byte[] both = new byte[head.length + frame.length];
                System.arraycopy(head, 0, both, 0, head.length);
                System.arraycopy(frame, 0, both, head.length, frame.length);
                s.getOutputStream().write(both);
                s.getOutputStream().flush();
                byte[] answer = new byte[12];
                assertThat(s.getInputStream().readNBytes(answer, 0, 12)).isEqualTo(12);
                assertThat(new String(answer, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 101");
                // the frame sent early is read like any other: its subscription is answered
                s.setSoTimeout(10_000);
                StringBuilder after = new StringBuilder();
                byte[] rest = new byte[1024];
                while (after.indexOf("\"status\":\"success\"") < 0) {
                    int n = s.getInputStream().read(rest);
                    assertThat(n).as("the connection stays open until the subscription is answered").isPositive();
                    after.append(new String(rest, 0, n, StandardCharsets.ISO_8859_1));
                }
            }
        }
        Awaits.until(() -> chat.openWebSockets() == 0);
        // and the paranoid leak detector of this test run reports any buffer the emulator lost on the way
    }

    private static byte[] maskedText(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] mask = {1, 2, 3, 4};
        byte[] frame = new byte[2 + 4 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        System.arraycopy(mask, 0, frame, 2, 4);
        for (int i = 0; i < payload.length; i++) {
            frame[6 + i] = (byte) (payload[i] ^ mask[i % 4]);
        }
        return frame;
    }

    @Test
    void aMalformedExpiryOfASignedUrlIsRefusedNotAnInternalError() throws Exception {
        emulator = ParticipantEmulator.start();
        Socket s = raw();
        write(s, "GET /storage/c/a?X-Amz-Signature=x&X-Amz-Expires-At=abc HTTP/1.1\r\nHost: x\r\n\r\n");
        String answer = readAnswer(s);
        assertThat(answer).doesNotStartWith("HTTP/1.1 500");
        assertThat(answer).matches("(?s)HTTP/1.1 40[34].*");
    }

    @Test
    void chatsAreCappedAndTheControlRouteSaysSo() throws Exception {
        emulator = ParticipantEmulator.builder().maxChats(2).start();
        emulator.startChat();
        EmulatedChat second = emulator.startChat();
        assertThatThrownBy(emulator::startChat).isInstanceOf(IllegalStateException.class).hasMessageContaining("maxChats");
        Socket s = raw();
        write(s, "POST /_emulator/chats HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n\r\n{}");
        assertThat(readAnswer(s)).doesNotStartWith("HTTP/1.1 200").contains("ServiceQuotaExceededException");
        // an ended chat no longer counts
        second.end();
        assertThat(emulator.startChat()).isNotNull();
    }

    @Test
    void urlsAreBuiltFromTheEmulatorsOwnAddressNotTheHostHeader() throws Exception {
        emulator = ParticipantEmulator.start();
        EmulatedChat chat = emulator.startChat();
        Socket s = raw();
        String body = "{\"Type\":[\"WEBSOCKET\"]}";
        write(s, "POST /participant/connection HTTP/1.1\r\nHost: evil.example:666\r\nX-Amz-Bearer: "
                + chat.participantToken() + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length()
                + "\r\n\r\n" + body);
        String answer = readAnswer(s);
        assertThat(answer).startsWith("HTTP/1.1 200").doesNotContain("evil.example")
                .contains("ws://127.0.0.1:" + emulator.endpoint().getPort() + "/connect?token=");
    }

    @Test
    void anAdvertisedEndpointIsWhatTheUrlsCarry() throws Exception {
        emulator = ParticipantEmulator.builder().advertisedEndpoint(URI.create("https://chat.test:8443")).start();
        EmulatedChat chat = emulator.startChat();
        String url = socketUrl(chat);
        assertThat(url).startsWith("wss://chat.test:8443/connect?token=");
        // a container learns its mapped address only once it runs: the control API takes it then
        assertThat(advertise("http://127.0.0.1:40001")).startsWith("HTTP/1.1 200");
        assertThat(socketUrl(chat)).startsWith("ws://127.0.0.1:40001/connect?token=");
        assertThat(advertise("http://127.0.0.1:40001/path")).startsWith("HTTP/1.1 400");
    }

    /** @return the control API's answer to {@code PUT /_emulator/endpoint} with this address */
    private String advertise(String endpoint) throws IOException {
        Socket s = raw();
        String body = "{\"Endpoint\":\"" + endpoint + "\"}";
        write(s, "PUT /_emulator/endpoint HTTP/1.1\r\nHost: x\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        return readAnswer(s);
    }
}
