package dev.connectchat.participant.testkit;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that starts one {@link ParticipantEmulator} for a test class and closes it after,
 * handing it to test and lifecycle methods that take a {@code ParticipantEmulator} parameter.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final ParticipantEmulatorExtension EMULATOR = new ParticipantEmulatorExtension();
 *
 * @Test
 * void answers(ParticipantEmulator emulator) { ... }
 * }</pre>
 */
public final class ParticipantEmulatorExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private final ParticipantEmulator.Builder builder;
    private volatile ParticipantEmulator emulator;

    /** An emulator with the default settings. */
    public ParticipantEmulatorExtension() {
        this(ParticipantEmulator.builder());
    }

    /** @param builder the settings of the emulator to start */
    public ParticipantEmulatorExtension(ParticipantEmulator.Builder builder) {
        this.builder = builder;
    }

    /** @return the running emulator (between the class's first and last callbacks) */
    public ParticipantEmulator emulator() {
        ParticipantEmulator running = emulator;
        if (running == null) {
            throw new IllegalStateException("the emulator runs only while the test class runs");
        }
        return running;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = builder.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        ParticipantEmulator running = emulator;
        emulator = null;
        if (running != null) {
            running.close();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ParticipantEmulator.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return emulator();
    }
}
