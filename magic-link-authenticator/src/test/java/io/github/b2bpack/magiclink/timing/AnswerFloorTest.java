package io.github.b2bpack.magiclink.timing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class AnswerFloorTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void waitsOnlyForWhatIsLeftOfTheFloor() {
        AnswerFloor floor = AnswerFloor.ofMillis(250);
        assertEquals(250 * MS, floor.remainingNanos(1_000, 1_000));
        assertEquals(200 * MS, floor.remainingNanos(1_000, 1_000 + 50 * MS));
        assertEquals(0, floor.remainingNanos(1_000, 1_000 + 250 * MS));
        assertEquals(0, floor.remainingNanos(1_000, 1_000 + 900 * MS), "work past the floor is never extended");
    }

    @Test
    void zeroTurnsItOffAndNegativeIsRefused() {
        assertEquals(0, AnswerFloor.ofMillis(0).remainingNanos(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new AnswerFloor(-1));
    }

    @Test
    void holdReturnsNoSoonerThanTheFloor() {
        AnswerFloor floor = AnswerFloor.ofMillis(30);
        long start = System.nanoTime();
        floor.hold(start);
        assertTrue(System.nanoTime() - start >= 30 * MS); // a lower bound only: no upper timing assertion
    }

    @Test
    void anInterruptEndsTheWaitAndStaysSet() {
        Thread.currentThread().interrupt();
        try {
            AnswerFloor.ofMillis(60_000).hold(System.nanoTime());
            assertTrue(Thread.currentThread().isInterrupted());
        } finally {
            Thread.interrupted();
        }
    }
}
