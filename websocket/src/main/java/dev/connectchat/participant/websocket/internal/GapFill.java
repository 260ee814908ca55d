package dev.connectchat.participant.websocket.internal;

import dev.connectchat.participant.AccessDeniedException;
import dev.connectchat.participant.ParticipantClient;
import dev.connectchat.participant.ValidationException;
import dev.connectchat.participant.model.GetTranscriptRequest;
import dev.connectchat.participant.model.GetTranscriptResponse;
import dev.connectchat.participant.model.Item;
import dev.connectchat.participant.model.ScanDirection;
import dev.connectchat.participant.model.SortKey;
import dev.connectchat.participant.model.StartPosition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what a session missed while its socket was away: the transcript after the last item it delivered
 * (by id; by time when the service no longer knows the id), within a deadline and a number of pages. It
 * never fails: it gives what it read and, when that is not all, why.
 */
final class GapFill {
    private static final int PAGE = 100;

    private GapFill() {
    }

    /**
     * What the gap fill read.
     *
     * @param items the items after the position, oldest first
     * @param shortfall {@code null} when they are all there is, else why more may be missing
     */
    record Result(List<Item> items, String shortfall) {
    }

    /**
     * @param fromId the last item delivered, or {@code null}
     * @param fromTime its time, or the session's start when there is none
     * @return what was read, once done or once the deadline passes
     */
    static Mono<Result> read(ParticipantClient client, TokenKeeper tokens, String fromId, Instant fromTime,
                             int maxPages, Duration timeout) {
        return Mono.defer(() -> {
            Pages pages = new Pages(maxPages);
            java.util.concurrent.atomic.AtomicInteger denials = new java.util.concurrent.atomic.AtomicInteger();
            StartPosition byTime = StartPosition.builder().absoluteTime(fromTime).build();
            Flux<GetTranscriptResponse> read = fromId == null ? pages(client, tokens, byTime)
                    : pages(client, tokens, StartPosition.builder().id(fromId).build())
                    // the service no longer knows the id: read from its time instead
                    .onErrorResume(ValidationException.class, e -> pages.restart(pages(client, tokens, byTime)));
            return read
                    // tried again until the deadline, not a number of times: after a blip, thousands of sessions
                    // read at once and GetTranscript is throttled for a while (the client has retried already)
                    .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(1)).maxBackoff(Duration.ofSeconds(8))
                            // denied even with a token fresh from a refresh: a token expired just as it came (a
                            // refresh under way when the old ones expired); twice more, then it is the chat's end
                            .filter(e -> !(e instanceof AccessDeniedException) || denials.incrementAndGet() <= 2)
                            .doBeforeRetry(s -> pages.clear()))
                    .take(maxPages)
                    .doOnNext(pages::add)
                    .then(Mono.fromCallable(pages::result))
                    .timeout(timeout, Mono.fromCallable(() -> pages.partial("the transcript was not read within "
                            + timeout.toMillis() + " ms")))
                    .onErrorResume(e -> Mono.fromCallable(() -> pages.partial("reading the transcript failed: " + e)));
        });
    }

    /** @return the transcript's pages forward from {@code start} (the beginning when {@code null}), oldest first */
    static Flux<GetTranscriptResponse> pages(ParticipantClient client, TokenKeeper tokens, StartPosition start) {
        return tokens.withTokenMany(t -> client.transcriptPages(GetTranscriptRequest.builder().connectionToken(t)
                .scanDirection(ScanDirection.FORWARD).sortOrder(SortKey.ASCENDING).maxResults(PAGE)
                .startPosition(start).build()));
    }

    /** The pages read so far by the current attempt. */
    private static final class Pages {
        private final int maxPages;
        private final List<Item> items = new ArrayList<>();
        private int pages;
        private boolean more;

        Pages(int maxPages) {
            this.maxPages = maxPages;
        }

        synchronized void add(GetTranscriptResponse page) {
            items.addAll(page.transcript());
            pages++;
            more = page.nextToken() != null && !page.nextToken().isEmpty();
        }

        synchronized void clear() {
            items.clear();
            pages = 0;
            more = false;
        }

        <T> Flux<T> restart(Flux<T> again) {
            return Flux.defer(() -> {
                clear();
                return again;
            });
        }

        synchronized Result result() {
            return more && pages >= maxPages
                    ? partial("the gap is longer than " + maxPages + " transcript pages")
                    : new Result(List.copyOf(items), null);
        }

        synchronized Result partial(String why) {
            return new Result(List.copyOf(items), why);
        }
    }
}
