package org.patchbay.core.usage;

/** The relative URIs of usage records, as Twilio writes them in triggers and their callbacks. */
public final class UsageUris {
    private UsageUris() {
    }

    public static String records(String accountSid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Usage/Records";
    }

    /** The record of the period a trigger watches: today's, this month's, this year's or all time. */
    public static String watchedRecord(UsageTrigger trigger) {
        String base = records(trigger.accountSid());
        String subresource = switch (trigger.watchedPeriod()) {
            case DAILY -> "/Today.json";
            case MONTHLY -> "/ThisMonth.json";
            case YEARLY -> "/Yearly.json";
            case ALLTIME -> "/AllTime.json";
        };
        return base + subresource + "?Category=" + trigger.category();
    }

    public static String trigger(String accountSid, String sid) {
        return "/2010-04-01/Accounts/" + accountSid + "/Usage/Triggers/" + sid + ".json";
    }
}
