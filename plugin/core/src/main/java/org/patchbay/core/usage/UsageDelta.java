package org.patchbay.core.usage;

import java.time.Instant;
import java.util.List;

/**
 * What one event adds, ready for the store's one atomic step: every counter set it lands in, the
 * increments per category, and the event id that makes a second delivery count nothing.
 *
 * @param scopes the counter sets the increments go to, each with its period buckets
 * @param at     when the event happened (the time a firing is dated by)
 */
public record UsageDelta(String eventId, List<Scope> scopes, List<Increment> increments, Instant at) {

    public UsageDelta {
        scopes = List.copyOf(scopes);
        increments = List.copyOf(increments);
    }

    /**
     * One set of counters: an account's own ({@code own:AC…}) or its family's, itself and its
     * subaccounts ({@code fam:AC…}). Triggers are checked on family counters only: an account's
     * trigger watches what the account and its subaccounts use.
     *
     * @param buckets the period buckets in {@link Period#values()} order (in the account's time zone)
     */
    public record Scope(String accountSid, String counters, boolean checksTriggers, List<String> buckets) {
        public static String own(String accountSid) {
            return "own:" + accountSid;
        }

        public static String family(String accountSid) {
            return "fam:" + accountSid;
        }
    }
}
