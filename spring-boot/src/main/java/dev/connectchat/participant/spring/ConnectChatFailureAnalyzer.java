package dev.connectchat.participant.spring;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Tells, at a failed start-up, which {@code connectchat.*} property to set and how, instead of builder methods. */
class ConnectChatFailureAnalyzer extends AbstractFailureAnalyzer<ConnectChatConfigurationException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ConnectChatConfigurationException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
