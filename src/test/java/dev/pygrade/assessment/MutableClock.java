package dev.pygrade.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock the test moves: deadlines and windows without waiting. It stands still at a given
 * instant, or follows another clock (the system's, for a browser that counts down too); either
 * way {@link #advance} moves it on.
 */
public final class MutableClock extends Clock {
    private final Clock base;
    private volatile Duration shift = Duration.ZERO;

    /** A clock stopped at {@code start}. */
    public MutableClock(Instant start) {
        this(Clock.fixed(start, ZoneOffset.UTC));
    }

    /** A clock that runs as {@code base} does, plus however far it was advanced. */
    public MutableClock(Clock base) {
        this.base = base;
    }

    public void advance(Duration by) {
        shift = shift.plus(by);
    }

    @Override
    public Instant instant() {
        return base.instant().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
