package dev.connectchat.participant.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reactor Netty 1.3 needs Netty 4.2 throughout. Next to the AWS SDK (whose HTTP client brings Netty 4.1), Maven's
 * nearest-wins rule can put a mix of 4.1 and 4.2 jars on the class path, and the first call then fails deep in
 * an event loop with {@code NoClassDefFoundError: io/netty/channel/MultiThreadIoEventLoopGroup}. This check
 * runs before any client is built and fails at once, naming the jars and the fix.
 */
public final class NettyCheck {
    /** Set to {@code false} to skip the check (at your own risk). */
    public static final String PROPERTY = "connectchat.nettyCheck";
    private static volatile boolean passed;

    private NettyCheck() {
    }

    /** @throws IllegalStateException when a Netty jar on the class path is not 4.2 */
    public static void verify() {
        if (passed || "false".equalsIgnoreCase(System.getProperty(PROPERTY))) {
            return;
        }
        String problem = problem(jars(NettyCheck.class.getClassLoader()));
        if (problem != null) {
            throw new IllegalStateException(problem);
        }
        passed = true;
    }

    /**
     * The Netty jars on a class path, read from the {@code META-INF/io.netty.versions.properties} each carries, as
     * Netty's {@code Version.identify()} reads them, but without parsing their build dates: that loads
     * {@code SimpleDateFormat}, calendars and locale data, some 90 classes of a client's start.
     *
     * @return artifact to version, e.g. {@code netty-common=4.2.18.Final}
     */
    static Map<String, String> jars(ClassLoader loader) {
        Map<String, String> jars = new TreeMap<>();
        try {
            Enumeration<URL> files = loader.getResources("META-INF/io.netty.versions.properties");
            while (files.hasMoreElements()) {
                Properties versions = new Properties();
                try (InputStream in = files.nextElement().openStream()) {
                    versions.load(in);
                }
                versions.forEach((key, value) -> {
                    String name = key.toString();
                    if (name.endsWith(".version")) {
                        jars.put(name.substring(0, name.length() - ".version".length()), value.toString());
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the Netty jars' versions", e);
        }
        return jars;
    }

    /**
     * @param jars the Netty jars on the class path: artifact to version
     * @return what is wrong with them, or {@code null} when they are all 4.2
     */
    static String problem(Map<String, String> jars) {
        Map<String, String> wrong = new TreeMap<>();
        jars.forEach((artifact, version) -> {
            // native SSL and incubating transports have their own version lines
            if (!artifact.startsWith("netty-tcnative") && !artifact.startsWith("netty-incubator")
                    && !version.startsWith("4.2.")) {
                wrong.put(artifact, version);
            }
        });
        if (wrong.isEmpty()) {
            return null;
        }
        return "connectchat needs Netty 4.2 (for Reactor Netty 1.3), but the class path has " + wrong
                + (wrong.size() < jars.size() ? " mixed with 4.2 jars" : "")
                + ". Usually the AWS SDK's HTTP client brought Netty 4.1. Fix: import dev.connectchat:connectchat-bom "
                + "(or io.netty:netty-bom 4.2.x) in <dependencyManagement>, before the AWS SDK's bom; with Gradle, "
                + "platform(\"dev.connectchat:connectchat-bom:<version>\"). The AWS SDK's Netty client runs on Netty 4.2 "
                + "too. See the README, section Dependencies. (-D" + PROPERTY + "=false skips this check.)";
    }
}
