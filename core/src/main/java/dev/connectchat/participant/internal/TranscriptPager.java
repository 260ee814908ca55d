package dev.connectchat.participant.internal;

import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.model.Item;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import dev.connectchat.participant.ParticipantServiceException;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * GetTranscript paging driven by demand: a page is fetched only when the subscriber has asked for more than
 * what the pages so far hold, and only one page is in flight at a time. Operators such as
 * {@code concatMapIterable} would prefetch the next page whether or not anybody asked for it, hence this
 * small drain loop.
 *
 * <p>Paging ends at an absent or empty {@code NextToken}; a token seen before, or {@value #MAX_EMPTY_PAGES}
 * empty pages in a row each with a new token, end it with an error rather than a loop that demand alone would
 * never stop (a subscriber that waits for items keeps asking). Cancelling stops the page in flight.
 */
final class TranscriptPager<T> {
    private final DefaultParticipantClient client;
    private final Function<GetTranscriptResponse, List<T>> elements;
    private final FluxSink<T> sink;
    private final Queue<T> ready = new ArrayDeque<>();
    private final Set<String> seenTokens = new HashSet<>();
    private final AtomicInteger wip = new AtomicInteger();
    /** Empty pages with a new NextToken in a row before paging gives up. */
    static final int MAX_EMPTY_PAGES = 10;
    private int emptyPages;

    private GetTranscriptRequest next;
    private boolean inFlight;
    private boolean lastPage;
    private Throwable failure;
    private volatile Disposable current;

    private TranscriptPager(DefaultParticipantClient client, GetTranscriptRequest first,
                            Function<GetTranscriptResponse, List<T>> elements, FluxSink<T> sink) {
        this.client = client;
        this.next = first;
        this.elements = elements;
        this.sink = sink;
    }

    static Flux<GetTranscriptResponse> pages(DefaultParticipantClient client, GetTranscriptRequest request) {
        return flux(client, request, List::of);
    }

    static Flux<Item> items(DefaultParticipantClient client, GetTranscriptRequest request) {
        return flux(client, request, GetTranscriptResponse::transcript);
    }

    private static <T> Flux<T> flux(DefaultParticipantClient client, GetTranscriptRequest request,
                                    Function<GetTranscriptResponse, List<T>> elements) {
        return Flux.create(sink -> {
            TranscriptPager<T> pager = new TranscriptPager<>(client, request, elements, sink);
            sink.onRequest(n -> pager.drain());
            sink.onDispose(pager::cancel);
        });
    }

    private void drain() {
        if (wip.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            synchronized (this) {
                while (!ready.isEmpty() && sink.requestedFromDownstream() > 0 && !sink.isCancelled()) {
                    sink.next(ready.poll());
                }
                if (ready.isEmpty() && !inFlight) {
                    if (failure != null) {
                        sink.error(failure);
                    } else if (lastPage) {
                        sink.complete();
                    } else if (sink.requestedFromDownstream() > 0 && !sink.isCancelled()) {
                        inFlight = true;
                        fetch(next);
                    }
                }
            }
            missed = wip.addAndGet(-missed);
        } while (missed != 0);
    }

    private void fetch(GetTranscriptRequest request) {
        // each page is its own subscription: it carries the subscriber's context (tracing, MDC, test hooks)
        current = client.getTranscript(request).contextWrite(sink.contextView()).subscribe(this::onPage, this::onError);
    }

    private void onPage(GetTranscriptResponse page) {
        synchronized (this) {
            List<T> elementsOfPage = elements.apply(page);
            ready.addAll(elementsOfPage);
            emptyPages = page.transcript().isEmpty() ? emptyPages + 1 : 0;
            String token = page.nextToken();
            if (token == null || token.isEmpty()) {
                lastPage = true;
            } else if (!seenTokens.add(token)) {
                failure = pagingBroken("a NextToken it had returned before; stopping instead of reading the same "
                        + "pages again");
            } else if (emptyPages >= MAX_EMPTY_PAGES) {
                failure = pagingBroken(MAX_EMPTY_PAGES + " empty pages in a row, each with a new NextToken; "
                        + "stopping instead of paging without end");
            } else {
                next = next.toBuilder().nextToken(token).build();
            }
            inFlight = false;
        }
        drain();
    }

    private static ParticipantServiceException pagingBroken(String what) {
        return new ParticipantServiceException(200, null, "GetTranscript returned " + what, null, null);
    }

    private void onError(Throwable error) {
        synchronized (this) {
            failure = error;
            inFlight = false;
        }
        drain();
    }

    private void cancel() {
        Disposable inFlightCall = current;
        if (inFlightCall != null) {
            inFlightCall.dispose();
        }
    }
}
