package dev.connectchat.examples.webflux;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example's class path is what users copy: libraries that ship as several jars must come in one version.
 * (Logback warns at start-up, and may fail, when its core and classic jars differ.)
 */
class ClassPathTest {

    @Test
    void logbackCoreAndClassicAreOneVersion() {
        String classic = ch.qos.logback.classic.Logger.class.getPackage().getImplementationVersion();
        String core = ch.qos.logback.core.Appender.class.getPackage().getImplementationVersion();
        assertThat(classic).isNotNull();
        assertThat(core).as("logback-core under logback-classic " + classic).isEqualTo(classic);
    }

    @Test
    void nettyJarsAreOneVersion() {
        String handler = io.netty.handler.codec.http.HttpObjectDecoder.class.getPackage().getImplementationVersion();
        String transport = io.netty.channel.Channel.class.getPackage().getImplementationVersion();
        assertThat(handler).isNotNull().isEqualTo(transport);
    }
}
