package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.application.Application;
import org.patchbay.core.number.PhoneNumber;
import org.patchbay.core.presence.Device;
import org.patchbay.core.presence.Presence;
import org.patchbay.core.store.Store;
import org.patchbay.core.telephony.ChannelSnapshot;
import org.patchbay.core.twiml.Play;
import org.patchbay.core.twiml.Reject;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.twiml.TwimlDocument;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;

/**
 * Finds the application for a channel entering Stasis: {@code Stasis(patchbay,url=...)} names it
 * directly (for the main account); otherwise the dialled number (the app's first argument, else the
 * channel's dialplan extension) is looked up among the IncomingPhoneNumbers; a call placed from a
 * registered client's endpoint runs the application of its token's outgoing grant.
 */
public final class InboundRouting {
    private static final Logger LOG = LoggerFactory.getLogger(InboundRouting.class);
    /** What a caller hears when the number leads nowhere: Asterisk's "not in service" prompt. */
    static final TwimlDocument NOT_IN_SERVICE = new TwimlDocument(List.of(new Play("sound:ss-noservice", null, 1)), List.of());
    /** What a suspended or closed account's number does with a call, as Twilio does: rejects it. */
    static final TwimlDocument REJECTED = new TwimlDocument(List.of(new Reject("rejected")), List.of());

    private final Store store;
    private final String mainAccountSid;
    private final Presence presence;
    private final Notifications notifications;

    public InboundRouting(Store store, String mainAccountSid, Presence presence) {
        this(store, mainAccountSid, presence, new Notifications(store));
    }

    public InboundRouting(Store store, String mainAccountSid, Presence presence, Notifications notifications) {
        this.store = store;
        this.mainAccountSid = mainAccountSid;
        this.presence = presence;
        this.notifications = notifications;
    }

    /** A registered client's own endpoint placing the call runs its token's outgoing application. */
    public Future<InboundRoute> resolve(ChannelSnapshot channel, List<String> args) {
        return presence.caller(endpointOf(channel.name())).otherwise((Device) null).compose(client -> client != null
                ? fromClient(client, channel)
                : byNumber(channel, args));
    }

    /** A channel's name is its endpoint and a unique suffix: {@code PJSIP/alice-desk-0000002a}. */
    static String endpointOf(String channelName) {
        return channelName == null ? "" : channelName.replaceFirst("-[0-9a-f]{8}$", "");
    }

    private Future<InboundRoute> fromClient(Device client, ChannelSnapshot channel) {
        return store.of(Account.KIND).get(client.accountSid()).compose(account -> store.of(Application.KIND)
                .get(client.accountSid(), client.outgoingApplicationSid()).compose(application -> {
                    if (account == null || application == null) {
                        LOG.warn("client {} placed a call but its outgoing application {} is gone", client.identity(),
                                client.outgoingApplicationSid());
                        return unrouted(channel.exten());
                    }
                    CallApp app = new CallApp(application.voiceUrl(), application.voiceMethod(), application.voiceFallbackUrl(),
                            application.voiceFallbackMethod(), application.statusCallback(), application.statusCallbackMethod(), Set.of());
                    String to = client.params().getOrDefault("To", channel.exten());
                    return Future.succeededFuture(new InboundRoute(account, app, null, to, null,
                            "client:" + client.identity(), client.params()));
                }));
    }

    private Future<InboundRoute> byNumber(ChannelSnapshot channel, List<String> args) {
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
            return store.of(Account.KIND).get(number.accountSid()).compose(account -> {
                if (account != null && account.status() != Account.Status.active) {
                    return rejected(account, number, dialled);
                }
                return appFor(number).map(app -> new InboundRoute(account, app, number.sid(), dialled, null));
            });
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

    private Future<InboundRoute> rejected(Account account, PhoneNumber number, String dialled) {
        LOG.info("call to {} rejected: its account {} is {}", dialled, account.sid(), account.status());
        notifications.error(account.sid(), null, ErrorCode.INBOUND_ACCOUNT_INACTIVE,
                "Incoming call to " + dialled + " rejected: account " + account.sid() + " is " + account.status(),
                Notifications.Request.NONE);
        return Future.succeededFuture(new InboundRoute(account, CallApp.of(null), number.sid(), dialled, REJECTED));
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
