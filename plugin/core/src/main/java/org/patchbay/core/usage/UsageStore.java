package org.patchbay.core.usage;

import io.vertx.core.Future;

import java.util.List;
import java.util.Map;

/**
 * Where usage counters and triggers live: in memory (single node) or in Redis, where one Lua step
 * increments every counter of an event, checks the triggers watching them and claims each firing,
 * so that many nodes counting at once fire a trigger once per period.
 */
public interface UsageStore {

    /**
     * Adds the delta and answers the triggers that fired with it. An event counted before changes nothing
     * and answers the firings it caused then, so a redelivery whose first answer was lost sends them again.
     */
    Future<List<Firing>> record(UsageDelta delta);

    /** The counters of {@code counters} (e.g. {@code fam:AC…}) summed over {@code buckets}, per category; absent categories are zero. */
    Future<Map<String, Tally>> read(String counters, List<String> buckets);

    /** Creates or replaces a trigger (its {@code dateFired} is the store's, not the caller's). */
    Future<Void> putTrigger(UsageTrigger trigger);

    /** The trigger with its last firing time, or null. */
    Future<UsageTrigger> trigger(String sid);

    /** An account's triggers, newest first. */
    Future<List<UsageTrigger>> triggers(String accountSid);

    /** @return whether a trigger was removed */
    Future<Boolean> deleteTrigger(String sid);

    Future<Void> close();
}
