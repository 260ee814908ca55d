package dev.connectchat.participant.spring;

import dev.connectchat.participant.websocket.ChatSessionOptions;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@link ChatSessionOptions} bean from {@code connectchat.session.*}, where connectchat-websocket is on the class
 * path: pass it to {@code ChatSession.connect(client, token, options)}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "dev.connectchat.participant.websocket.ChatSession")
class SessionOptionsConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ChatSessionOptions chatSessionOptions(ConnectChatProperties properties) {
        ConnectChatProperties.Session p = properties.getSession();
        ChatSessionOptions defaults = ChatSessionOptions.defaults();
        ChatSessionOptions.Builder b = defaults.toBuilder();
        if (p.getHeartbeatInterval() != null) {
            b.heartbeatInterval(p.getHeartbeatInterval());
        }
        if (p.getTokenRefreshMargin() != null) {
            b.tokenRefreshMargin(p.getTokenRefreshMargin());
        }
        if (p.getSocketRotation() != null) {
            b.socketRotation(p.getSocketRotation());
        }
        if (p.getMinBackoff() != null || p.getMaxBackoff() != null) {
            b.backoff(p.getMinBackoff() != null ? p.getMinBackoff() : defaults.minBackoff(),
                    p.getMaxBackoff() != null ? p.getMaxBackoff() : defaults.maxBackoff());
        }
        if (p.getMaxReconnectAttempts() != null) {
            b.maxReconnectAttempts(p.getMaxReconnectAttempts());
        }
        if (p.getBufferSize() != null) {
            b.buffer(p.getBufferSize(), defaults.overflowStrategy());
        }
        if (p.getReconnectRate() != null || p.getReconnectBurst() != null) {
            b.reconnectRate(p.getReconnectRate() != null ? p.getReconnectRate() : defaults.reconnectRate(),
                    p.getReconnectBurst() != null ? p.getReconnectBurst() : defaults.reconnectBurst());
        }
        if (p.getGapFillTimeout() != null || p.getGapFillMaxPages() != null) {
            b.gapFill(p.getGapFillTimeout() != null ? p.getGapFillTimeout() : defaults.gapFillTimeout(),
                    p.getGapFillMaxPages() != null ? p.getGapFillMaxPages() : defaults.gapFillMaxPages());
        }
        return b.build();
    }
}
