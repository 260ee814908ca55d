package dev.connectchat.participant.spring;

/** The {@code connectchat.*} properties cannot make a client; {@link ConnectChatFailureAnalyzer} explains it. */
class ConnectChatConfigurationException extends IllegalStateException {
    private final String action;

    ConnectChatConfigurationException(String description, String action, Throwable cause) {
        super(description, cause);
        this.action = action;
    }

    String action() {
        return action;
    }
}
