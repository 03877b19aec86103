package org.patchbay.server.simulate;

import org.patchbay.asterisk.sim.HeardEntry;
import org.patchbay.core.call.CallRecord;
import org.patchbay.core.notification.Notification;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Puts the call's steps, what the caller heard and Patchbay's notifications into one story: heard
 * media by the simulator's clock, a notification after the last step that happened before it was
 * written (by the wall clock both share).
 */
final class TranscriptBuilder {
    private final Followed followed;
    private final SpeechLog speech;
    private final Verdict verdict;
    private final List<Line> lines = new ArrayList<>();
    private final Deque<Notification> notifications;
    private int heardShown;
    private boolean firstFetch = true;

    private TranscriptBuilder(Followed followed, SpeechLog speech, List<Notification> notifications, Verdict verdict) {
        this.followed = followed;
        this.speech = speech;
        this.verdict = verdict;
        this.notifications = new ArrayDeque<>(notifications.stream()
                .sorted(Comparator.comparing(Notification::dateCreated)).toList());
    }

    /** {@code notifications}: the warnings, and the errors no instruction request already shows. */
    static Transcript build(Followed followed, SpeechLog speech, List<Notification> notifications, Verdict verdict) {
        TranscriptBuilder builder = new TranscriptBuilder(followed, speech, notifications, verdict);
        builder.tell();
        CallRecord call = followed.lastRecord();
        return new Transcript(call == null ? null : call.sid(), call == null ? null : call.from(),
                call == null ? null : call.to(), call == null ? null : call.status().wire(), List.copyOf(builder.lines), verdict);
    }

    private void tell() {
        List<Step> steps = followed.steps();
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            showHeard(step.callEnded() ? Long.MAX_VALUE : step.simAt());
            if (step.callEnded()) {
                showNotifications(Instant.MAX);
            }
            lines.addAll(EventLines.of(step, firstFetch));
            firstFetch &= step.fetch() == null;
            showNotifications(i + 1 < steps.size() ? steps.get(i + 1).at() : Instant.MAX);
        }
        showHeard(Long.MAX_VALUE);
        showNotifications(Instant.MAX);
        if (!followed.ended()) {
            lines.add(Line.of("unfinished", "==  stopped waiting: " + verdict.reason()));
        }
    }

    /**
     * Media that started strictly before {@code simAt}. On a tie the step goes first: media Patchbay
     * asked for before a step started well before it, while media asked for after may share its millisecond.
     */
    private void showHeard(long simAt) {
        List<HeardEntry> heard = followed.heard();
        while (heardShown < heard.size() && heard.get(heardShown).atMillis() < simAt) {
            lines.add(HeardLines.of(heard.get(heardShown++), speech));
        }
    }

    private void showNotifications(Instant before) {
        while (!notifications.isEmpty() && notifications.peek().dateCreated().isBefore(before)) {
            Notification n = notifications.poll();
            boolean warning = n.log() == Notification.WARNING;
            lines.add(Line.of(warning ? "warning" : "error", (warning ? "!   warning " : "!!  error ") + n.errorCode()
                            + " " + n.messageText())
                    .with("errorCode", n.errorCode()).with("message", n.messageText()));
        }
    }
}
