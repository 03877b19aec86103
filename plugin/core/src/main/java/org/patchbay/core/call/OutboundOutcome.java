package org.patchbay.core.call;

/**
 * How an outbound leg that was never answered ended, in Twilio's terms, read from Asterisk's
 * dial status (BUSY, CONGESTION, NOANSWER, CHANUNAVAIL) or else the Q.850 hang-up cause.
 */
final class OutboundOutcome {

    private OutboundOutcome() {
    }

    static CallStatus of(int cause, String dialStatus) {
        if (dialStatus != null) {
            switch (dialStatus) {
                case "BUSY":
                    return CallStatus.BUSY;
                case "NOANSWER":
                    return CallStatus.NO_ANSWER;
                case "CONGESTION":
                case "CHANUNAVAIL":
                    return CallStatus.FAILED;
                default:
                    break;
            }
        }
        return switch (cause) {
            case 17, 21 -> CallStatus.BUSY;
            case 18, 19 -> CallStatus.NO_ANSWER;
            default -> CallStatus.FAILED;
        };
    }
}
