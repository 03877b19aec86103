package org.patchbay.server.simulate;

import org.patchbay.core.call.CallStatus;
import org.patchbay.core.notification.Notification;

import org.patchbay.core.events.InstructionFetched;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Decides whether the app worked: the call must have ended, completed, and every failed instruction
 * request must have been saved by a fallback that worked. Patchbay's error notifications that no
 * request explains (say, a Redirect to a URL it cannot fetch) count as failures too.
 */
final class Verdicts {

    private Verdicts() {
    }

    /** {@code unexplained}: error notifications no instruction request accounts for (see {@link #unexplained}). */
    static Verdict of(Followed followed, List<Notification> unexplained, int timeoutSeconds) {
        List<String> failures = unrecoveredFetches(followed.steps());
        unexplained.forEach(error -> failures.add(error.errorCode() + " " + error.messageText()));
        if (!followed.ended()) {
            String also = failures.isEmpty() ? "" : " (application error: " + failures.get(0) + ")";
            return new Verdict(Verdict.TIMED_OUT, "the call did not end within " + timeoutSeconds + " s" + also);
        }
        if (!failures.isEmpty()) {
            return new Verdict(Verdict.APP_FAILED, "application error: " + String.join("; then ", failures));
        }
        CallStatus status = followed.lastRecord().status();
        if (status != CallStatus.COMPLETED) {
            return new Verdict(Verdict.APP_FAILED, "the call ended " + status.wire() + ", not completed");
        }
        return Verdict.ok();
    }

    /** A failed request is saved when the very next request is its fallback (ErrorUrl names it) and that worked. */
    private static List<String> unrecoveredFetches(List<Step> steps) {
        List<InstructionFetched> fetches = steps.stream().map(Step::fetch).filter(Objects::nonNull).toList();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < fetches.size(); i++) {
            InstructionFetched fetch = fetches.get(i);
            if (!fetch.failed()) {
                continue;
            }
            InstructionFetched next = i + 1 < fetches.size() ? fetches.get(i + 1) : null;
            boolean saved = next != null && !next.failed() && fetch.url().equals(next.parameters().get("ErrorUrl"));
            if (!saved) {
                String error = fetch.error();
                failures.add(fetch.errorCode() + " " + error
                        + (error.contains(fetch.url()) ? "" : " (" + fetch.method() + " " + fetch.url() + ")"));
            }
        }
        return failures;
    }

    /** The notifications worth their own line: warnings, and errors that no failed request already shows. */
    static List<Notification> worthShowing(List<Notification> all, List<Step> steps) {
        return all.stream().filter(n -> n.log() == Notification.WARNING || !explainedByAFetch(n, steps)).toList();
    }

    static List<Notification> unexplained(List<Notification> all, List<Step> steps) {
        return all.stream().filter(n -> n.log() == Notification.ERROR && !explainedByAFetch(n, steps)).toList();
    }

    private static boolean explainedByAFetch(Notification error, List<Step> steps) {
        return steps.stream().map(Step::fetch).filter(Objects::nonNull)
                .anyMatch(fetch -> Integer.valueOf(error.errorCode()).equals(fetch.errorCode())
                        && String.valueOf(error.requestUrl()).equals(fetch.url()));
    }
}
