package org.patchbay.server.api.usage;

import org.patchbay.server.api.http.Params;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code StartDate} and {@code EndDate} of the Usage Records API: a day {@code YYYY-MM-DD}, or an
 * offset from today as Twilio allows ({@code -30days}, {@code +1months}, {@code -1years}).
 */
final class UsageDates {
    private static final Pattern RELATIVE = Pattern.compile("([+-])([0-9]{1,5})(days|months|years)");

    private UsageDates() {
    }

    /** The date the parameter names, or {@code fallback} when it is absent. */
    static LocalDate parse(Params params, String name, LocalDate today, LocalDate fallback) {
        String value = params.get(name);
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(2)) * (relative.group(1).equals("-") ? -1 : 1);
            return switch (relative.group(3)) {
                case "days" -> today.plusDays(amount);
                case "months" -> today.plusMonths(amount);
                default -> today.plusYears(amount);
            };
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Params.invalid(name + " is not a valid date: '" + Params.shorten(value)
                    + "' (use YYYY-MM-DD, or an offset such as -30days)");
        }
    }
}
