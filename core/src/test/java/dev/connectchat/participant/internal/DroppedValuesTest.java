package dev.connectchat.participant.internal;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import java.time.Duration;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A body that arrives just after the attempt's deadline cancelled the call: Reactor drops it after the cancel,
 * and the client's context releases its buffer (the soak's leaked response buffers were such bodies).
 */
class DroppedValuesTest {

    @Test
    void aBufferThatArrivesAfterTheDeadlineIsReleased() {
        AtomicReference<Subscriber<? super ByteBuf>> late = new AtomicReference<>();
        Mono<ByteBuf> body = Mono.from(subscriber -> {
            late.set(subscriber);
            subscriber.onSubscribe(new Subscription() {
                @Override
                public void request(long n) {
                }

                @Override
                public void cancel() {
                    // as a connection's read that is already under way: the body still comes
                }
            });
        });
        StepVerifier.create(body.timeout(Duration.ofMillis(10)).contextWrite(DroppedErrors.CONTEXT))
                .expectError(TimeoutException.class)
                .verify(Duration.ofSeconds(5));
        ByteBuf buffer = ByteBufAllocator.DEFAULT.buffer(16).writeLong(42);
        late.get().onNext(buffer);
        assertThat(buffer.refCnt()).as("released").isZero();
    }
}
