package dev.connectchat.participant.spring;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import dev.connectchat.participant.websocket.ChatSession;
import dev.connectchat.participant.websocket.ChatSessionOptions;
import dev.connectchat.participant.websocket.ConnectionState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Sessions in a Spring application: their options from properties, a clear start-up failure, a quiet shutdown. */
class SessionsInSpringTest {
    static ParticipantEmulator emulator;
    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConnectChatAutoConfiguration.class));

    @BeforeAll
    static void start() {
        emulator = ParticipantEmulator.start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @Test
    void sessionOptionsComeFromConnectchatSessionProperties() {
        runner.withPropertyValues("connectchat.endpoint=" + emulator.endpoint(),
                "connectchat.session.heartbeat-interval=5s", "connectchat.session.min-backoff=500ms",
                "connectchat.session.max-backoff=10s", "connectchat.session.buffer-size=64",
                "connectchat.session.reconnect-rate=20", "connectchat.session.gap-fill-max-pages=5").run(context -> {
            ChatSessionOptions options = context.getBean(ChatSessionOptions.class);
            assertThat(options.heartbeatInterval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(options.minBackoff()).isEqualTo(Duration.ofMillis(500));
            assertThat(options.maxBackoff()).isEqualTo(Duration.ofSeconds(10));
            assertThat(options.bufferSize()).isEqualTo(64);
            assertThat(options.reconnectRate()).isEqualTo(20.0);
            assertThat(options.reconnectBurst()).isEqualTo(ChatSessionOptions.defaults().reconnectBurst());
            assertThat(options.gapFillMaxPages()).isEqualTo(5);
            assertThat(options.tokenRefreshMargin()).isEqualTo(ChatSessionOptions.defaults().tokenRefreshMargin());
        });
    }

    @Test
    void noRegionFailsTheStartNamingTheProperties() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null, "AWS_REGION is set here");
        runner.withSystemProperties("aws.region=").run(context -> {
            assertThat(context).hasFailed();
            Throwable failure = context.getStartupFailure();
            while (failure != null && !(failure instanceof ConnectChatConfigurationException)) {
                failure = failure.getCause();
            }
            assertThat(failure).as("the start-up failure").isNotNull();
            FailureAnalysis analysis = new ConnectChatFailureAnalyzer().analyze(context.getStartupFailure());
            assertThat(analysis.getDescription()).contains("No region or endpoint");
            assertThat(analysis.getAction()).contains("connectchat.region", "connectchat.endpoint", "AWS_REGION");
        });
    }

    @Test
    void theAnalyzerIsRegisteredForSpringBoot() throws Exception {
        java.util.Properties factories = new java.util.Properties();
        try (var in = ConnectChatFailureAnalyzer.class.getResourceAsStream("/META-INF/spring.factories")) {
            factories.load(in);
        }
        assertThat(factories.getProperty("org.springframework.boot.diagnostics.FailureAnalyzer"))
                .contains(ConnectChatFailureAnalyzer.class.getName());
    }

    @Test
    void shuttingDownWithOpenSessionsClosesThemQuietlyWithoutAReconnect() {
        List<ConnectionState> states = new CopyOnWriteArrayList<>();
        List<ChatSession> sessions = new ArrayList<>();
        PrintStream err = System.err;
        ByteArrayOutputStream logged = new ByteArrayOutputStream();
        runner.withPropertyValues("connectchat.endpoint=" + emulator.endpoint()).run(context -> {
            ParticipantClient client = context.getBean(ParticipantClient.class);
            ChatSessionOptions options = context.getBean(ChatSessionOptions.class);
            for (int i = 0; i < 3; i++) {
                ChatSession session = ChatSession.connect(client, emulator.startChat().participantToken(), options)
                        .block(Duration.ofSeconds(10));
                session.states().subscribe(states::add);
                sessions.add(session);
            }
            System.setErr(new PrintStream(logged, true, StandardCharsets.UTF_8));
        }); // the context closes here
        try {
            for (ChatSession session : sessions) {
                ConnectionState last = session.states().last().block(Duration.ofSeconds(10));
                assertThat(last.status()).isEqualTo(ConnectionState.Status.CLOSED);
                assertThat(last.cause()).as("a quiet close").isNull();
            }
            assertThat(states).extracting(ConnectionState::status).doesNotContain(ConnectionState.Status.RECONNECTING);
        } finally {
            System.setErr(err);
        }
        assertThat(logged.toString(StandardCharsets.UTF_8)).as("what was logged while the context closed")
                .doesNotContain("ERROR").doesNotContain("WARN").doesNotContain("reconnect");
    }
}
