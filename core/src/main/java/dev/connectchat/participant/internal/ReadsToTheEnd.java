package dev.connectchat.participant.internal;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import java.time.Duration;
import java.util.Set;

/**
 * A read whose caller cancels is given a moment to end on its own, and its answer is dropped. Cutting an exchange
 * off in the middle of its body closes the connection and leaves the chunks still on their way to Reactor Netty,
 * which has been seen to keep one unreleased (a gap fill disposed as its session closes). A read that has not ended
 * after {@link #GRACE} is cut off after all: a stalled connection must not stay taken from the pool for the rest of
 * the attempt's deadline. A read has no effect to stop; a write is still cancelled at once, as its caller means.
 */
final class ReadsToTheEnd {
    /** Operations without effect on the chat. */
    private static final Set<String> READS = Set.of("GetTranscript", "GetAttachment", "DescribeView");
    /** How long an abandoned read may go on: a body on its way takes far less; a stalled one is cut. */
    static final Duration GRACE = Duration.ofSeconds(2);

    private ReadsToTheEnd() {
    }

    /**
     * @param operation the operation's name
     * @param exchange one attempt of it
     * @return the attempt, given {@link #GRACE} to end when cancelled if the operation is a read
     */
    static <R> Mono<R> apply(String operation, Mono<R> exchange) {
        if (!READS.contains(operation)) {
            return exchange;
        }
        return Mono.deferContextual(context -> {
            Sinks.One<R> answer = Sinks.one();
            Disposable running = exchange.contextWrite(context)
                    .subscribe(answer::tryEmitValue, answer::tryEmitError, answer::tryEmitEmpty);
            return answer.asMono().doOnCancel(() -> {
                if (!running.isDisposed()) {
                    Mono.delay(GRACE).subscribe(tick -> running.dispose());
                }
            });
        });
    }
}
