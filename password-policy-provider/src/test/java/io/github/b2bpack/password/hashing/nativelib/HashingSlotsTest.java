package io.github.b2bpack.password.hashing.nativelib;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HashingSlotsTest {

    @Test
    void aCallerGivesUpAfterTheWaitWhenTheOnlySlotIsHeld() {
        HashingSlots slots = new HashingSlots(1, Duration.ofMillis(200));
        slots.acquire(); // held, as by a long hash
        long started = System.nanoTime();
        HashingBusyException busy = assertThrows(HashingBusyException.class, slots::acquire);
        long waited = (System.nanoTime() - started) / 1_000_000;
        assertTrue(waited >= 190 && waited < 2000, "waited " + waited + " ms");
        assertTrue(busy.getMessage().contains("200 ms"), busy.getMessage());

        slots.release();
        slots.acquire(); // free again: taken at once
        slots.release();
    }

    @Test
    void aWaitingCallerGetsTheSlotAsSoonAsItIsReleased() throws Exception {
        HashingSlots slots = new HashingSlots(1, Duration.ofSeconds(5));
        slots.acquire();
        CompletableFuture<Long> waiter = CompletableFuture.supplyAsync(() -> {
            long started = System.nanoTime();
            slots.acquire();
            return (System.nanoTime() - started) / 1_000_000;
        });
        Thread.sleep(100);
        slots.release();
        assertTrue(waiter.get(5, TimeUnit.SECONDS) < 2000);
    }

    @Test
    void nativeHashesFailFastWhenTheirOnlySlotIsHeld() throws Exception {
        NativeArgon2 argon2 = NativeArgon2.load(1, true, LibArgon2Loader.Choice.AUTO, Duration.ofMillis(100));
        Argon2Cost slow = new Argon2Cost(65536, 40, 1);
        byte[] salt = "0123456789abcdef".getBytes();
        CompletableFuture<byte[]> holder = CompletableFuture.supplyAsync(() ->
                argon2.hash(NativeArgon2.Type.ID, NativeArgon2.Version.V13, slow, "held".getBytes(), salt, null, 32));
        Thread.sleep(150); // the first hash (hundreds of ms) holds the only slot
        long started = System.nanoTime();
        assertThrows(
                HashingBusyException.class,
                () -> argon2.hash(
                        NativeArgon2.Type.ID,
                        NativeArgon2.Version.V13,
                        new Argon2Cost(1024, 1, 1),
                        "second".getBytes(),
                        salt,
                        null,
                        32));
        assertTrue((System.nanoTime() - started) / 1_000_000 < 1000);
        holder.get(60, TimeUnit.SECONDS);
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new HashingSlots(0, Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> new HashingSlots(1, Duration.ZERO));
    }
}
