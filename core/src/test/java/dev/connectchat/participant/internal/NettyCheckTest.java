package dev.connectchat.participant.internal;

import io.netty.util.Version;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The class-path check: silent on Netty 4.2, a message that names the jars and the fix otherwise. */
class NettyCheckTest {

    private static Map<String, String> ours() {
        Map<String, String> jars = new TreeMap<>();
        Version.identify().forEach((artifact, v) -> jars.put(artifact, v.artifactVersion()));
        return jars;
    }

    @Test
    void readsTheJarsAsNettyItselfDoes() {
        assertThat(NettyCheck.jars(NettyCheckTest.class.getClassLoader())).isEqualTo(ours())
                .containsKeys("netty-common", "netty-buffer", "netty-transport", "netty-codec-http");
    }

    @Test
    void theBuildsOwnClassPathPasses() {
        assertThat(ours()).isNotEmpty().allSatisfy((artifact, version) -> assertThat(version).startsWith("4.2."));
        assertThat(NettyCheck.problem(ours())).isNull();
        NettyCheck.verify();
    }

    @Test
    void aMixOf41And42IsNamedWithTheFix() {
        Map<String, String> mixed = ours();
        mixed.put("netty-transport", "4.1.124.Final");
        mixed.put("netty-codec-http", "4.1.124.Final");
        mixed.put("netty-tcnative-boringssl-static", "2.0.70.Final");
        assertThat(NettyCheck.problem(mixed)).contains("netty-codec-http=4.1.124.Final", "netty-transport=4.1.124.Final")
                .contains("mixed with 4.2 jars", "connectchat-bom", "before the AWS SDK's bom").doesNotContain("tcnative");
    }

    @Test
    void allOf41IsNamedToo() {
        Map<String, String> old = Map.of("netty-common", "4.1.124.Final", "netty-transport", "4.1.124.Final");
        assertThat(NettyCheck.problem(old)).contains("netty-common=4.1.124.Final").doesNotContain("mixed");
    }
}
