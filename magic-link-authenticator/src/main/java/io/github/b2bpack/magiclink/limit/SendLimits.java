package io.github.b2bpack.magiclink.limit;

/**
 * The per-IP and per-address limits of one send, taken together: both slots or none (a send refused by the address
 * limit gives its IP slot back, so a flood aimed at one address does not also lock its sender's IP out longer than
 * the requests it actually sent).
 */
public final class SendLimits {

    /** Which limit refused a send, if one did. */
    public enum Outcome {
        ALLOWED,
        IP_LIMITED,
        ADDRESS_LIMITED
    }

    private final SlotStore store;
    private final SlotCap ipCap;
    private final SlotCap addressCap;

    public SendLimits(SlotStore store, SlotCap ipCap, SlotCap addressCap) {
        this.store = store;
        this.ipCap = ipCap;
        this.addressCap = addressCap;
    }

    /**
     * @param ipSubject      {@link ClientSubject#of} the client's address
     * @param addressSubject {@link ClientSubject#address} the typed address (the same for known and unknown ones)
     */
    public Outcome tryAcquire(String ipSubject, String addressSubject) {
        String ipSlot = ipCap.claim(store, ipSubject);
        if (ipSlot == null) {
            return Outcome.IP_LIMITED;
        }
        if (addressCap.claim(store, addressSubject) == null) {
            store.release(ipSlot);
            return Outcome.ADDRESS_LIMITED;
        }
        return Outcome.ALLOWED;
    }
}
