/**
 * Spring Boot auto-configuration of a {@link dev.connectchat.participant.ParticipantClient} from
 * {@code connectchat.*} properties.
 */
package dev.connectchat.participant.spring;
