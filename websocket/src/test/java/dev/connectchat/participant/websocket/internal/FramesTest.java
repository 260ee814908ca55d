package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.websocket.internal.Frames.Kind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What each kind of frame the service sends reads as, whatever the order of its members. */
class FramesTest {
    private static final String ITEM = "{\\\"AbsoluteTime\\\":\\\"2024-07-14T22:18:39.241Z\\\",\\\"Content\\\":\\\"Test\\\","
            + "\\\"Id\\\":\\\"i-1\\\",\\\"Type\\\":\\\"MESSAGE\\\"}";

    @Test
    void subscriptionAnswersHeartbeatsAndItems() {
        assertThat(Frames.read("{\"topic\":\"aws/subscribe\",\"content\":{\"status\":\"success\",\"topics\":[\"aws/chat\"]}}")
                .kind()).isEqualTo(Kind.SUBSCRIBED);
        assertThat(Frames.read("{\"content\":{\"topics\":[\"aws/chat\"],\"status\":\"success\"},\"topic\":\"aws/subscribe\"}")
                .kind()).isEqualTo(Kind.SUBSCRIBED);
        assertThat(Frames.read("{\"topic\":\"aws/subscribe\",\"content\":{\"status\":\"failure\",\"topics\":[]}}").kind())
                .isEqualTo(Kind.REFUSED);
        assertThat(Frames.read("{\"topic\":\"aws/subscribe\"}").kind()).isEqualTo(Kind.REFUSED);
        assertThat(Frames.read("{\"topic\":\"aws/heartbeat\"}").kind()).isEqualTo(Kind.HEARTBEAT);
        Frames.Frame chat = Frames.read("{\"content\":\"" + ITEM + "\",\"contentType\":\"application/json\",\"topic\":\"aws/chat\"}");
        assertThat(chat.kind()).isEqualTo(Kind.CHAT);
        assertThat(chat.item().id()).isEqualTo("i-1");
        assertThat(chat.item().content()).isEqualTo("Test");
        assertThat(Frames.read("{\"topic\":\"aws/chat\",\"extra\":{\"topic\":\"aws/heartbeat\"},\"content\":{\"Id\":\"i-2\"}}")
                .item().id()).isEqualTo("i-2");
    }

    @Test
    void whatIsNoFrameIsIgnoredWithAReason() {
        assertThat(Frames.read("{\"message\": \"Forbidden\", \"connectionId\":\"c\", \"requestId\":\"r\"}").note())
                .isEqualTo("a gateway error frame: Forbidden");
        assertThat(Frames.read("not json").note()).isEqualTo("a frame that is not JSON");
        assertThat(Frames.read("{\"topic\":\"aws/heartbeat\"} {}").note()).isEqualTo("a frame that is not JSON");
        assertThat(Frames.read("[1]").note()).isEqualTo("a frame that is not a JSON object");
        assertThat(Frames.read("{\"topic\":\"aws/other\"}").note()).isEqualTo("topic aws/other");
        assertThat(Frames.read("{\"topic\":\"aws/chat\",\"content\":null}").note()).isEqualTo("a chat frame without an item");
        assertThat(Frames.read("{\"topic\":\"aws/chat\",\"content\":\"{\\\"Id\\\":[1]}\"}").kind()).isEqualTo(Kind.OTHER);
    }
}
