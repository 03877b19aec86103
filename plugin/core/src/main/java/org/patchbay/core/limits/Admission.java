package org.patchbay.core.limits;

/**
 * The answer to a request for slots.
 *
 * @param lease     the slots taken; null when refused, or when nothing was counted (no limit applies)
 * @param inFlight  the first count's in-flight slots, this one included when admitted
 * @param refusedBy the key of the count that was full, or null when admitted
 */
public record Admission(Lease lease, long inFlight, String refusedBy) {

    public static Admission admitted(Lease lease, long inFlight) {
        return new Admission(lease, inFlight, null);
    }

    /** Admitted without counting: no count of the request has a limit. */
    public static Admission uncounted() {
        return new Admission(null, 0, null);
    }

    public static Admission refused(String key, long inFlight) {
        return new Admission(null, inFlight, key);
    }

    public boolean isAdmitted() {
        return refusedBy == null;
    }
}
