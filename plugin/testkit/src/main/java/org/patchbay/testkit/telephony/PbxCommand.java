package org.patchbay.testkit.telephony;

/** One PBX request as Patchbay made it: {@code verb} (answer, play, …), the resource it is about, and details. */
public record PbxCommand(String verb, String target, String detail) {
    @Override
    public String toString() {
        return verb + " " + target + (detail.isEmpty() ? "" : " " + detail);
    }
}
