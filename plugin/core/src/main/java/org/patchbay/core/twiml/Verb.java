package org.patchbay.core.twiml;

/** One TwiML instruction, immutable. Each verb has its own record and its own executor. */
public sealed interface Verb
        permits Say, Play, Pause, Hangup, Reject, Redirect, Gather, RecordVerb, Dial, Enqueue, Leave, Connect, Start, Stop {
}
