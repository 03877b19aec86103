package org.patchbay.core.usage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.Objects;

/**
 * A usage trigger: a callback to make when an account's counter of one category reaches a value.
 *
 * @param triggerValue the absolute value to reach (a {@code +N} offset is resolved when the trigger is created)
 * @param recurring    the period it fires once in and then again in the next; null fires once, ever
 * @param dateFired    when it last fired, or null; kept by the store beside the trigger, never written through it
 */
public record UsageTrigger(String sid, String accountSid, String friendlyName, String callbackUrl, String callbackMethod,
                           String category, TriggerBy triggerBy, BigDecimal triggerValue, Period recurring,
                           Instant dateCreated, Instant dateUpdated, Instant dateFired) {

    public UsageTrigger {
        Objects.requireNonNull(sid, "sid");
        Objects.requireNonNull(accountSid, "accountSid");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(triggerBy, "triggerBy");
        Objects.requireNonNull(triggerValue, "triggerValue");
    }

    /** The period whose counter it watches: a trigger that does not recur watches the all-time counter. */
    public Period watchedPeriod() {
        return recurring == null ? Period.ALLTIME : recurring;
    }

    /** Whether the watched counter is money (a price, or the usage of {@code totalprice}), kept in millionths. */
    public boolean watchesMoney() {
        UsageCategory watched = UsageCategories.byName(category);
        return triggerBy == TriggerBy.PRICE || (triggerBy == TriggerBy.USAGE && watched != null && watched.usageIsPrice());
    }

    /** The counter field it compares: {@code c}ount, {@code u}sage or {@code p}rice. */
    public String watchedField() {
        return triggerBy == TriggerBy.COUNT ? "c" : watchesMoney() ? "p" : "u";
    }

    /** The watched counter's value in a tally. */
    public long valueIn(Tally tally) {
        return switch (watchedField()) {
            case "c" -> tally.count();
            case "p" -> tally.priceMicros();
            default -> tally.usage();
        };
    }

    /** The threshold in the counter's integer units (millionths for money); reached when the counter is at least this. */
    public long threshold() {
        return watchesMoney() ? Tally.toMicros(triggerValue) : triggerValue.setScale(0, RoundingMode.CEILING).longValueExact();
    }

    /** A counter value in the trigger's units, as the API and the callback write it. */
    public String format(long value) {
        return watchesMoney() ? Tally.toDecimal(value).toPlainString() : Long.toString(value);
    }

    public UsageTrigger withCallback(String url, String method, String name, Instant at) {
        return new UsageTrigger(sid, accountSid, name, url, method, category, triggerBy, triggerValue, recurring,
                dateCreated, at, dateFired);
    }

    public UsageTrigger firedAt(Instant at) {
        return new UsageTrigger(sid, accountSid, friendlyName, callbackUrl, callbackMethod, category, triggerBy, triggerValue,
                recurring, dateCreated, dateUpdated, at);
    }
}
