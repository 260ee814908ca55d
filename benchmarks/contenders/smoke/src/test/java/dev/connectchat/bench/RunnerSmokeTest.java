package dev.connectchat.bench;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** benchmarks/run.sh keeps working: one short round of every contender, the table printed, nothing written. */
class RunnerSmokeTest {
    private static final Path ROOT = Paths.get("").toAbsolutePath().resolve("../../..").normalize();

    /** @return what {@code benchmarks/run.sh args} printed, once it ended well (the build that runs this built all) */
    private static String run(String... args) throws Exception {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("bash", "benchmarks/run.sh"));
        command.addAll(java.util.List.of(args));
        ProcessBuilder run = new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        run.environment().put("CONNECTCHAT_BENCH_SKIP_BUILD", "true");
        Process running = run.start();
        running.getOutputStream().close();
        String out = new String(running.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(running.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(running.exitValue()).as(out).isZero();
        return out;
    }

    private static void assumeStandaloneEmulator() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(ROOT.resolve(
                "testkit/target/connectchat-testkit-0.1.0-SNAPSHOT-standalone.jar")), "the standalone emulator is built by package");
    }

    @Test
    void oneShortRoundOfEveryContenderPrintsTheTable() throws Exception {
        String out = run("--smoke");
        for (String contender : new String[]{"raw Reactor Netty", "connectchat", "AWS SDK on Netty 4.1",
                "AWS SDK on Netty 4.2"}) {
            assertThat(out).as(out).containsPattern(
                    "round 1  " + Pattern.quote(contender) + " .* warm-up +[0-9]+ s  JIT +[0-9.]+% +errors 0");
        }
        assertThat(out).contains("| throughput |", "| CPU per call |", "| bytes allocated per call |",
                "| JVM spawn to first answer |");
    }

    @Test
    void oneShortPagingRoundReadsTheWholeChatWithEveryContender() throws Exception {
        assumeStandaloneEmulator();
        String out = run("--paging", "--smoke");
        for (String contender : new String[]{"connectchat", "AWS SDK on Netty 4.1", "AWS SDK on Netty 4.2"}) {
            // 500 messages of the agent and the two joins
            assertThat(out).as(out).contains("\"contender\":\"" + contender + "\",\"itemsPerRead\":502,");
        }
    }

    @Test
    void oneShortFanInRoundCountsWhatThePushServerSendsAtEachPace() throws Exception {
        String out = run("--fan-in", "--smoke");
        for (String contender : new String[]{"raw Reactor Netty WebSocket", "connectchat"}) {
            Matcher m = Pattern.compile("\"contender\":\"" + Pattern.quote(contender)
                    + "\",\"sessions\":20,\"items\":(\\d+),.*\"reconnects\":0").matcher(out);
            for (int pace = 0; pace < 3; pace++) {
                assertThat(m.find()).as("a window per pace: " + out).isTrue();
                assertThat(Long.parseLong(m.group(1))).as(out).isPositive();
            }
        }
        assertThat(out).contains("1,000 messages a second offered", "6,000 messages a second offered",
                "| items/s to raw median (min-max) |", "| connectchat | ");
    }

    @Test
    void theSdkOnItsOwnNettyUsesTheVersionsOfTheRootPom() throws IOException {
        String root = Files.readString(ROOT.resolve("pom.xml"));
        String sdk = Files.readString(ROOT.resolve("benchmarks/contenders/sdk-netty41/pom.xml"));
        Matcher property = Pattern.compile("<([a-z.-]+version)>([^<]+)</").matcher(sdk);
        int checked = 0;
        while (property.find()) {
            Matcher same = Pattern.compile("<" + Pattern.quote(property.group(1)) + ">([^<]+)</").matcher(root);
            assertThat(same.find()).as(property.group(1) + " in the root pom").isTrue();
            assertThat(property.group(2)).as(property.group(1)).isEqualTo(same.group(1));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(5);
    }
}
