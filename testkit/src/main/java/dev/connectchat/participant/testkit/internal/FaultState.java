package dev.connectchat.participant.testkit.internal;

import dev.connectchat.participant.testkit.Faults;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The faults of one scope (the emulator or one chat); the sockets and tokens it acts on are its owner's. */
final class FaultState implements Faults {
    /** What the socket and token faults act on. */
    interface Target {
        void dropSockets(boolean abrupt);

        void expireUrls();

        void expireTokens(Duration after);
    }

    private final Target target;
    private final AtomicInteger throttle = new AtomicInteger();
    private final AtomicInteger fail = new AtomicInteger();
    private volatile int failStatus = 500;
    private volatile Duration latency = Duration.ZERO;
    private volatile boolean heartbeatsStopped;
    private volatile boolean subscriptionsRejected;
    private volatile double ratePerSecond;
    private long rateWindowStart;
    private double rateTokens;

    FaultState(Target target) {
        this.target = target;
    }

    /** @return the error the next request must get, or {@code null} */
    ServiceError nextRequestError(long nowNanos) {
        if (take(throttle)) {
            return ServiceError.throttled();
        }
        if (take(fail)) {
            return ServiceError.failure(failStatus);
        }
        double rate = ratePerSecond;
        if (rate > 0 && !admit(rate, nowNanos)) {
            return ServiceError.throttled();
        }
        return null;
    }

    private synchronized boolean admit(double rate, long nowNanos) {
        double elapsed = (nowNanos - rateWindowStart) / 1e9;
        rateWindowStart = nowNanos;
        rateTokens = Math.min(Math.max(1, rate), rateTokens + elapsed * rate);
        if (rateTokens >= 1) {
            rateTokens -= 1;
            return true;
        }
        return false;
    }

    private static boolean take(AtomicInteger remaining) {
        return remaining.getAndUpdate(n -> n > 0 ? n - 1 : 0) > 0;
    }

    Duration latency() {
        return latency;
    }

    boolean heartbeatsStopped() {
        return heartbeatsStopped;
    }

    boolean subscriptionsRejected() {
        return subscriptionsRejected;
    }

    @Override
    public Faults throttleNext(int requests) {
        throttle.set(Math.max(0, requests));
        return this;
    }

    @Override
    public synchronized Faults capRequestRate(double requestsPerSecond) {
        this.ratePerSecond = requestsPerSecond;
        this.rateTokens = Math.max(1, requestsPerSecond);
        this.rateWindowStart = System.nanoTime();
        return this;
    }

    @Override
    public Faults failNext(int requests, int status) {
        if (status != 500 && status != 503 && status != 409) {
            throw new IllegalArgumentException("status must be 409, 500 or 503, was " + status);
        }
        this.failStatus = status;
        fail.set(Math.max(0, requests));
        return this;
    }

    @Override
    public Faults latency(Duration latency) {
        this.latency = latency == null ? Duration.ZERO : latency;
        return this;
    }

    @Override
    public Faults dropWebSockets() {
        target.dropSockets(true);
        return this;
    }

    @Override
    public Faults closeWebSockets() {
        target.dropSockets(false);
        return this;
    }

    @Override
    public Faults stopAnsweringHeartbeats(boolean stopped) {
        this.heartbeatsStopped = stopped;
        return this;
    }

    @Override
    public Faults rejectSubscriptions(boolean rejected) {
        this.subscriptionsRejected = rejected;
        return this;
    }

    @Override
    public Faults expireWebSocketUrls() {
        target.expireUrls();
        return this;
    }

    @Override
    public Faults expireConnectionTokens() {
        target.expireTokens(Duration.ZERO);
        return this;
    }

    @Override
    public Faults expireConnectionTokensAfter(Duration after) {
        target.expireTokens(after);
        return this;
    }

    @Override
    public Faults clear() {
        throttle.set(0);
        fail.set(0);
        latency = Duration.ZERO;
        heartbeatsStopped = false;
        subscriptionsRejected = false;
        capRequestRate(0);
        return this;
    }
}
