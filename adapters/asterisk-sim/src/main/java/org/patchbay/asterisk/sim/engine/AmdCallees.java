package org.patchbay.asterisk.sim.engine;

import org.patchbay.asterisk.sim.AmdCallee;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Who answers an AMD originate, by the first rule whose endpoint glob matches; the Local contexts of the capture PBX
 * ({@code amd-callee-machine}, {@code amd-callee-human} with its {@code Wait(10)}, {@code amd-callee-human-silence})
 * are built in. Without a rule the callee is a human.
 */
final class AmdCallees {
    private static final Map<String, AmdCallee> CAPTURED_CONTEXTS = Map.of(
            "amd-callee-machine", AmdCallee.MACHINE,
            "amd-callee-human", AmdCallee.SILENT,
            "amd-callee-human-silence", AmdCallee.HUMAN);

    /** The capture's human contexts end with {@code Wait(10)} after their hello: the callee hangs up 12.03 s after answer. */
    private static final long CAPTURED_HUMAN_HANGS_UP_MS = 12_030;

    private record Rule(Pattern glob, AmdCallee callee) {
    }

    private final List<Rule> rules = new ArrayList<>();

    void add(String endpointGlob, AmdCallee callee) {
        rules.add(new Rule(OriginateRules.compile(endpointGlob), callee));
    }

    void clear() {
        rules.clear();
    }

    /** When the callee hangs up by itself (ms after answer), or -1 when it stays until Patchbay or the test ends the call. */
    long hangsUpAfter(Endpoint endpoint) {
        boolean capturedHuman = endpoint.local() && endpoint.context().startsWith("amd-callee-human");
        return capturedHuman ? CAPTURED_HUMAN_HANGS_UP_MS : -1;
    }

    AmdCallee forEndpoint(Endpoint endpoint) {
        if (endpoint.local() && CAPTURED_CONTEXTS.containsKey(endpoint.context())) {
            return CAPTURED_CONTEXTS.get(endpoint.context());
        }
        for (Rule rule : rules) {
            if (rule.glob.matcher(endpoint.toString()).matches()) {
                return rule.callee;
            }
        }
        return AmdCallee.HUMAN;
    }
}
