package dev.connectchat.participant.spring;

import dev.connectchat.participant.ParticipantClientBuilder;

/** A bean of this type changes the auto-configured client's builder after the properties were applied. */
@FunctionalInterface
public interface ParticipantClientCustomizer {
    /** @param builder the builder, properties applied */
    void customize(ParticipantClientBuilder builder);
}
