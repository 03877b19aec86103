package org.patchbay.server;

import org.patchbay.core.account.Account;

/** What Patchbay prints when it has started: where it listens and, the first time, its credentials. */
final class Banner {

    private Banner() {
    }

    static String of(Patchbay patchbay) {
        StringBuilder out = new StringBuilder();
        String base = "http://" + hostForCurl(patchbay) + ":" + patchbay.httpPort();
        Account account = patchbay.mainAccount();
        if (patchbay.sandbox() != null) {
            out.append("""

                    ==============================================================
                     PATCHBAY SANDBOX: a simulated Asterisk runs inside this process.
                     No real phone is reached. Set PATCHBAY_ARI_URL to use a real PBX.
                    ==============================================================
                    """);
        }
        out.append("\nPatchbay is up.\n");
        out.append("  Health:        ").append(base).append("/health\n");
        out.append("  Media/webhooks base (PATCHBAY_PUBLIC_URL): ").append(patchbay.publicUrl()).append('\n');
        out.append("  Store:         ").append(storeLine(patchbay)).append('\n');
        out.append("  Account SID:   ").append(account.sid()).append('\n');
        if (patchbay.accountGenerated()) {
            out.append("  Auth token:    ").append(account.authToken())
                    .append("   (generated now and kept encrypted in the store; it is printed only this once)\n");
        }
        if (patchbay.sandbox() != null) {
            out.append(patchbay.sandbox().instructions(base));
        }
        return out.toString();
    }

    private static String storeLine(Patchbay patchbay) {
        return switch (patchbay.store().name()) {
            case "file" -> "file, kept in " + patchbay.storeDir().toAbsolutePath().normalize()
                    + " (one node only: several nodes need Redis, PATCHBAY_REDIS_URL)";
            case "memory" -> "memory (lost when Patchbay stops)";
            default -> patchbay.store().name();
        };
    }

    private static String hostForCurl(Patchbay patchbay) {
        String host = patchbay.config().httpHost();
        return host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
    }
}
