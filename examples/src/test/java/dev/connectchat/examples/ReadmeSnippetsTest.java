package dev.connectchat.examples;

import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.model.CreateParticipantConnectionRequest;
import dev.connectchat.participant.testkit.EmulatedChat;
import dev.connectchat.participant.testkit.ParticipantEmulator;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder.request;

/**
 * Every Java snippet of the README, compiled and run, so that the README cannot rot. A snippet runs as the
 * body of a method that gets, as needed, a running {@code emulator}, a {@code chat}, a {@code client} of the
 * emulator, the chat's {@code participantToken} and a {@code connectionToken}; a snippet that is a class
 * runs as a JUnit test class; a snippet whose first line says "compile only" is only compiled.
 */
class ReadmeSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final Map<String, String> PROVIDED = new LinkedHashMap<>();
    private static final String IMPORTS = String.join("\n",
            "import dev.connectchat.participant.*;",
            "import dev.connectchat.participant.AccessDeniedException;",
            "import dev.connectchat.participant.model.*;",
            "import dev.connectchat.participant.interactive.*;",
            "import dev.connectchat.participant.websocket.*;",
            "import dev.connectchat.participant.testkit.*;",
            "import dev.connectchat.participant.testcontainers.*;",
            "import io.micrometer.core.instrument.simple.SimpleMeterRegistry;",
            "import org.junit.jupiter.api.Test;",
            "import org.junit.jupiter.api.extension.RegisterExtension;",
            "import reactor.core.publisher.*;",
            "import java.net.URI;",
            "import java.nio.ByteBuffer;",
            "import java.nio.file.*;",
            "import java.time.Duration;",
            "import java.util.List;", "");

    static {
        PROVIDED.put("emulator", "ParticipantEmulator");
        PROVIDED.put("chat", "EmulatedChat");
        PROVIDED.put("client", "ParticipantClient");
        PROVIDED.put("participantToken", "String");
        PROVIDED.put("connectionToken", "String");
    }

    @TempDir
    Path classes;

    @TestFactory
    List<DynamicTest> everySnippetOfTheReadmeCompilesAndRuns() throws Exception {
        String readme = Files.readString(Paths.get("..", "README.md"));
        Matcher m = SNIPPET.matcher(readme);
        List<String> snippets = new ArrayList<>();
        while (m.find()) {
            snippets.add(m.group(1));
        }
        assertThat(snippets).hasSizeGreaterThanOrEqualTo(10);

        Path sources = Files.createDirectories(classes.resolve("src"));
        List<File> files = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            files.add(write(sources, "Snippet" + i, snippets.get(i)).toFile());
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
                System.getProperty("java.class.path"), "-proc:none"));
        files.forEach(f -> args.add(f.getPath()));
        int status = javac.run(null, null, errors, args.toArray(String[]::new));
        assertThat(status).as(errors.toString(StandardCharsets.UTF_8)).isZero();

        URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, getClass().getClassLoader());
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String snippet = snippets.get(i);
            String name = "Snippet" + i;
            String firstLine = snippet.lines().findFirst().orElse("");
            tests.add(DynamicTest.dynamicTest("README snippet " + i + ": " + firstLine.strip(), () -> {
                if (firstLine.contains("compile only")) {
                    return;
                }
                Class<?> type = loader.loadClass(name.equals(topLevelClass(snippet)) || topLevelClass(snippet) == null
                        ? name : topLevelClass(snippet));
                if (topLevelClass(snippet) != null) {
                    runAsTestClass(type);
                } else {
                    runAsMethod(type, snippet);
                }
            }));
        }
        return tests;
    }

    /**
     * The README reads in order: a variable a snippet uses was defined by that snippet or an earlier one (the
     * five every snippet is given are defined by the first, which says how the test makes them).
     */
    @Test
    void everyVariableASnippetUsesIsDefinedByAnEarlierOne() throws Exception {
        String readme = Files.readString(Paths.get("..", "README.md"));
        Matcher m = SNIPPET.matcher(readme);
        List<String> snippets = new ArrayList<>();
        while (m.find()) {
            snippets.add(m.group(1));
        }
        Pattern declaration = Pattern.compile("(?m)^\\s*(?:try \\()?(?:final )?[A-Z][\\w.<>, ?\\[\\]]*\\s+(\\w+)\\s*=");
        java.util.Map<String, Integer> firstDeclared = new java.util.HashMap<>();
        for (int i = 0; i < snippets.size(); i++) {
            Matcher d = declaration.matcher(snippets.get(i));
            while (d.find()) {
                firstDeclared.putIfAbsent(d.group(1), i);
            }
        }
        assertThat(firstDeclared).as("the first snippet defines what the test gives every snippet")
                .containsAllEntriesOf(PROVIDED.keySet().stream().collect(java.util.stream.Collectors.toMap(k -> k, k -> 0)));
        List<String> early = new ArrayList<>();
        for (int i = 0; i < snippets.size(); i++) {
            String code = snippets.get(i).replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"").replaceAll("//[^\n]*", "");
            if (topLevelClass(snippets.get(i)) != null) {
                continue; // a class stands alone
            }
            for (java.util.Map.Entry<String, Integer> v : firstDeclared.entrySet()) {
                if (v.getValue() > i && Pattern.compile("(?<![\\w.])" + v.getKey() + "\\b").matcher(code).find()) {
                    early.add("snippet " + i + " uses " + v.getKey() + ", first defined in snippet " + v.getValue());
                }
            }
        }
        assertThat(early).as("variables used before the README defines them").isEmpty();
    }

    private static Path write(Path dir, String name, String snippet) throws Exception {
        String topLevel = topLevelClass(snippet);
        if (topLevel != null) {
            return Files.writeString(dir.resolve(topLevel + ".java"), IMPORTS + snippet);
        }
        List<String> params = new ArrayList<>();
        for (Map.Entry<String, String> p : PROVIDED.entrySet()) {
            if (!declares(snippet, p.getKey())) {
                params.add(p.getValue() + " " + p.getKey());
            }
        }
        String source = IMPORTS + "public class " + name + " {\n"
                + "    public static void run(" + String.join(", ", params) + ") throws Exception {\n"
                + snippet + "\n    }\n}\n";
        return Files.writeString(dir.resolve(name + ".java"), source);
    }

    private static String topLevelClass(String snippet) {
        Matcher m = Pattern.compile("^class (\\w+)", Pattern.MULTILINE).matcher(snippet);
        return m.find() ? m.group(1) : null;
    }

    private static boolean declares(String snippet, String variable) {
        return Pattern.compile("\\b[A-Z][\\w.<>]*\\s+" + variable + "\\s*=").matcher(snippet).find();
    }

    private static void runAsMethod(Class<?> type, String snippet) throws Exception {
        Method run = type.getMethods()[0].getName().equals("run") ? type.getMethods()[0] : findRun(type);
        try (ParticipantEmulator emulator = ParticipantEmulator.start()) {
            EmulatedChat chat = emulator.startChat("Jane");
            ParticipantClient client = ParticipantClient.builder().endpoint(emulator.endpoint()).build();
            String connectionToken = client.createParticipantConnection(CreateParticipantConnectionRequest.builder()
                    .participantToken(chat.participantToken()).build()).block(Duration.ofSeconds(10))
                    .connectionCredentials().connectionToken();
            Map<String, Object> values = Map.of("emulator", emulator, "chat", chat, "client", client,
                    "participantToken", chat.participantToken(), "connectionToken", connectionToken);
            List<Object> args = new ArrayList<>();
            for (String name : PROVIDED.keySet()) {
                if (!declares(snippet, name)) {
                    args.add(values.get(name));
                }
            }
            run.invoke(null, args.toArray());
        }
    }

    private static Method findRun(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals("run")) {
                return m;
            }
        }
        throw new AssertionError("no run method in " + type);
    }

    private static void runAsTestClass(Class<?> type) {
        Launcher launcher = LauncherFactory.create();
        SummaryGeneratingListener listener = new SummaryGeneratingListener();
        launcher.execute(request().selectors(selectClass(type)).build(), listener);
        assertThat(listener.getSummary().getTestsSucceededCount()).as("tests of " + type.getSimpleName())
                .isPositive();
        assertThat(listener.getSummary().getTotalFailureCount()).isZero();
    }
}
