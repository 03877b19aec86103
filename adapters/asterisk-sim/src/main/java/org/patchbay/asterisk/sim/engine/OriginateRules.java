package org.patchbay.asterisk.sim.engine;

import org.patchbay.asterisk.sim.FarEndBehaviour;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What the far end of an originated call does, chosen by the first rule whose endpoint glob matches. */
final class OriginateRules {

    record Outcome(FarEndBehaviour behaviour, long ringMillis) {
    }

    private record Rule(Pattern glob, Outcome outcome) {
    }

    private final List<Rule> rules = new ArrayList<>();
    private final long defaultRingMillis;

    OriginateRules(long defaultRingMillis) {
        this.defaultRingMillis = defaultRingMillis;
    }

    void add(String endpointGlob, FarEndBehaviour behaviour, long ringMillis) {
        rules.add(new Rule(compile(endpointGlob), new Outcome(behaviour, Math.max(0, ringMillis))));
    }

    void clear() {
        rules.clear();
    }

    Outcome forEndpoint(String endpoint) {
        for (Rule rule : rules) {
            if (rule.glob.matcher(endpoint).matches()) {
                return rule.outcome;
            }
        }
        return new Outcome(FarEndBehaviour.ANSWER, defaultRingMillis);
    }

    /** {@code *} matches any run of characters and {@code ?} one character; everything else is literal. */
    static Pattern compile(String glob) {
        StringBuilder regex = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE);
    }
}
