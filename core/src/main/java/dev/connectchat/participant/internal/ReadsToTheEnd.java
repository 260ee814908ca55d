package dev.connectchat.participant.internal;

import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.util.Set;

/**
 * A read whose caller cancels goes on to its end (at most the attempt's deadline) and its answer is dropped.
 * Cutting an exchange off in the middle of its body closes the connection and leaves the chunks still on their way
 * to Reactor Netty, which has been seen to keep one unreleased (a gap fill disposed as its session closes). A read
 * has no effect to stop; a write is still cancelled, as its caller means.
 */
final class ReadsToTheEnd {
    /** Operations without effect on the chat. */
    private static final Set<String> READS = Set.of("GetTranscript", "GetAttachment", "DescribeView");

    private ReadsToTheEnd() {
    }

    /**
     * @param operation the operation's name
     * @param exchange one attempt of it
     * @return the attempt, read to its end even when cancelled if the operation is a read
     */
    static <R> Mono<R> apply(String operation, Mono<R> exchange) {
        if (!READS.contains(operation)) {
            return exchange;
        }
        return Mono.deferContextual(context -> {
            Sinks.One<R> answer = Sinks.one();
            exchange.contextWrite(context).subscribe(answer::tryEmitValue, answer::tryEmitError, answer::tryEmitEmpty);
            return answer.asMono();
        });
    }
}
