package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.application.Application;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.store.Store;
import org.patchbay.core.telephony.ChannelSnapshot;
import org.patchbay.core.twiml.Play;
import org.patchbay.core.twiml.TwimlDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * Finds the application for a channel entering Stasis: {@code Stasis(patchbay,url=...)} names it
 * directly (for the main account); otherwise the dialled number (the app's first argument, else the
 * channel's dialplan extension) is looked up among the IncomingPhoneNumbers.
 */
public final class InboundRouting {
    private static final Logger LOG = LoggerFactory.getLogger(InboundRouting.class);
    /** What a caller hears when the number leads nowhere: Asterisk's "not in service" prompt. */
    static final TwimlDocument NOT_IN_SERVICE = new TwimlDocument(List.of(new Play("sound:ss-noservice", null, 1)), List.of());

    private final Store store;
    private final String mainAccountSid;

    public InboundRouting(Store store, String mainAccountSid) {
        this.store = store;
        this.mainAccountSid = mainAccountSid;
    }

    public Future<InboundRoute> resolve(ChannelSnapshot channel, List<String> args) {
        StasisArgs parsed = StasisArgs.parse(args);
        String dialled = parsed.number() != null ? parsed.number() : channel.exten();
        if (parsed.url() != null) {
            CallApp app = new CallApp(parsed.url(), parsed.method(), parsed.fallbackUrl(), null,
                    parsed.statusCallback(), null, Set.of());
            return mainAccount().map(account -> new InboundRoute(account, app, null, dialled, null));
        }
        return store.of(PhoneNumber.KIND).findBy(PhoneNumber.BY_NUMBER, dialled).compose(number -> {
            if (number == null) {
                LOG.warn("no IncomingPhoneNumber for dialled number '{}' (channel {}); caller hears 'not in service'",
                        dialled, channel.id());
                return unrouted(dialled);
            }
            return store.of(Account.KIND).get(number.accountSid())
                    .compose(account -> appFor(number).map(app -> new InboundRoute(account, app, number.sid(), dialled, null)));
        });
    }

    private Future<CallApp> appFor(PhoneNumber number) {
        if (number.voiceApplicationSid() == null || number.voiceApplicationSid().isBlank()) {
            return Future.succeededFuture(new CallApp(number.voiceUrl(), number.voiceMethod(), number.voiceFallbackUrl(),
                    number.voiceFallbackMethod(), number.statusCallback(), number.statusCallbackMethod(), Set.of()));
        }
        return store.of(Application.KIND).get(number.accountSid(), number.voiceApplicationSid()).map(a -> a == null
                ? new CallApp(number.voiceUrl(), number.voiceMethod(), number.voiceFallbackUrl(), number.voiceFallbackMethod(),
                number.statusCallback(), number.statusCallbackMethod(), Set.of())
                : new CallApp(a.voiceUrl(), a.voiceMethod(), a.voiceFallbackUrl(), a.voiceFallbackMethod(),
                a.statusCallback(), a.statusCallbackMethod(), Set.of()));
    }

    private Future<InboundRoute> unrouted(String dialled) {
        return mainAccount().map(account -> new InboundRoute(account, CallApp.of(null), null, dialled, NOT_IN_SERVICE));
    }

    private Future<Account> mainAccount() {
        return store.of(Account.KIND).get(mainAccountSid).compose(account -> account != null
                ? Future.succeededFuture(account)
                : Future.failedFuture("the main account " + mainAccountSid + " is missing from the store"));
    }
}
