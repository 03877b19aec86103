package org.patchbay.core.twiml;

import java.util.List;
import java.util.Set;

/**
 * Collects DTMF while its prompts play.
 *
 * @param action         null means the current document's URL
 * @param input          {@code dtmf}, {@code speech} or both
 * @param timeoutSeconds silence allowed after the prompts and between digits
 * @param finishOnKey    empty string disables it
 * @param numDigits      null for no limit
 */
public record Gather(
        String action,
        String method,
        Set<String> input,
        int timeoutSeconds,
        String finishOnKey,
        Integer numDigits,
        boolean actionOnEmptyResult,
        boolean bargeIn,
        String language,
        List<Prompt> prompts) implements Verb {
}
