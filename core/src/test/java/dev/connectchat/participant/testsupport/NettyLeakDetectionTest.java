package dev.connectchat.participant.testsupport;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one leak the detector lets pass is Spring's, and only while no code of ours touched the buffer. */
class NettyLeakDetectionTest {
    private static final String SPRING_MADE = """
            Created at:
            \tio.netty.buffer.AbstractByteBufAllocator.buffer(AbstractByteBufAllocator.java:96)
            \torg.springframework.core.io.buffer.NettyDataBufferFactory.allocateBuffer(NettyDataBufferFactory.java:72)
            \torg.springframework.http.codec.AbstractJacksonEncoder.encodeValue(AbstractJacksonEncoder.java:244)
            \torg.springframework.http.codec.ServerSentEventHttpMessageWriter.lambda$encodeEvent$0(ServerSentEventHttpMessageWriter.java:180)
            \tdev.connectchat.participant.internal.TranscriptPager.onPage(TranscriptPager.java:120)
            """;
    private static final String SPRING_TOUCHED = """
            #1:
            \tio.netty.buffer.AdvancedLeakAwareByteBuf.writeBytes(AdvancedLeakAwareByteBuf.java:617)
            \torg.springframework.core.io.buffer.NettyDataBuffer.write(NettyDataBuffer.java:180)
            \tdev.connectchat.participant.internal.TranscriptPager.drain(TranscriptPager.java:79)
            """;
    private static final String OURS_TOUCHED = """
            #2:
            \tio.netty.buffer.AdvancedLeakAwareByteBuf.retain(AdvancedLeakAwareByteBuf.java:100)
            \tdev.connectchat.participant.internal.Bodies.upTo(Bodies.java:40)
            """;

    @Test
    void springsSseBufferThatOnlySpringTouchedIsKnown() {
        assertThat(NettyLeakDetection.knownElsewhere("\nRecent access records: \n" + SPRING_TOUCHED + SPRING_MADE)).isTrue();
    }

    @Test
    void aBufferOurCodeTouchedIsNeverExcused() {
        assertThat(NettyLeakDetection.knownElsewhere("\nRecent access records: \n" + OURS_TOUCHED + SPRING_TOUCHED
                + SPRING_MADE)).isFalse();
    }

    @Test
    void aBufferMadeAnywhereElseIsNeverExcused() {
        assertThat(NettyLeakDetection.knownElsewhere("\nRecent access records: \n" + SPRING_TOUCHED
                + SPRING_MADE.replace("ServerSentEventHttpMessageWriter", "EncoderHttpMessageWriter"))).isFalse();
        assertThat(NettyLeakDetection.knownElsewhere("\nRecent access records: \n" + OURS_TOUCHED
                .replace("#2:", "Created at:"))).isFalse();
    }
}
