package org.patchbay.core.limits;

/**
 * The answer to a request for slots.
 *
 * @param lease     the slots taken, or null when refused
 * @param inFlight  the first count's in-flight slots, this one included when admitted
 * @param refusedBy the key of the count that was full, or null when admitted
 */
public record Admission(Lease lease, long inFlight, String refusedBy) {

    public static Admission admitted(Lease lease, long inFlight) {
        return new Admission(lease, inFlight, null);
    }

    public static Admission refused(String key, long inFlight) {
        return new Admission(null, inFlight, key);
    }

    public boolean isAdmitted() {
        return lease != null;
    }
}
