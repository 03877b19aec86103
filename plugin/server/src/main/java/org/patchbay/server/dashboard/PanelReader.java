package org.patchbay.server.dashboard;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.account.Account;
import org.patchbay.core.events.delivery.SinkStats;
import org.patchbay.core.events.sink.Sink;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.presence.Device;
import org.patchbay.core.usage.UsageTrigger;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The dashboard's account panels, read from the stores a viewer may see: each account's standing
 * against its limits, its usage triggers, its clients' devices and its event sinks. Read every few
 * seconds while someone watches, not kept between reads.
 */
final class PanelReader {
    /** A main account's dashboard shows at most this many accounts (itself first). */
    static final int ACCOUNTS_SHOWN = 50;
    private static final int PAGE = 200;

    private final PanelPorts ports;

    PanelReader(PanelPorts ports) {
        this.ports = ports;
    }

    Future<JsonObject> read(Scope scope) {
        return accounts(scope).compose(accounts -> {
            Future<JsonArray> limits = each(accounts, ports.limits()::of);
            Future<JsonArray> triggers = each(accounts, sid -> ports.usage().triggers(sid)
                    .map(found -> new JsonArray(found.stream().map(PanelReader::trigger).toList())));
            Future<JsonArray> devices = each(accounts, sid -> ports.presence().all(sid)
                    .map(found -> new JsonArray(found.stream().map(PanelReader::device).toList())));
            Future<JsonArray> sinks = each(accounts, this::sinks);
            return Future.all(limits, triggers, devices, sinks).map(done -> new JsonObject()
                    .put("limits", limits.result()).put("triggers", flat(triggers.result()))
                    .put("presence", flat(devices.result())).put("sinks", flat(sinks.result())));
        });
    }

    private Future<List<String>> accounts(Scope scope) {
        if (!scope.everything()) {
            return Future.succeededFuture(List.of(scope.accountSid()));
        }
        return ports.store().of(Account.KIND).list(scope.accountSid(), a -> true, 0, ACCOUNTS_SHOWN).map(page -> {
            List<String> sids = new ArrayList<>(List.of(scope.accountSid()));
            page.items().stream().map(Account::sid).filter(sid -> !sid.equals(scope.accountSid()))
                    .limit(ACCOUNTS_SHOWN - 1).forEach(sids::add);
            return sids;
        });
    }

    /** One read per account, answers in the accounts' order. */
    private static <T> Future<JsonArray> each(List<String> accounts, Function<String, Future<T>> read) {
        List<Future<T>> reads = accounts.stream().map(read).toList();
        return Future.all(reads).map(done -> new JsonArray(reads.stream().map(f -> (Object) f.result()).toList()));
    }

    private static JsonArray flat(JsonArray perAccount) {
        JsonArray all = new JsonArray();
        perAccount.forEach(list -> ((JsonArray) list).forEach(all::add));
        return all;
    }

    private Future<JsonArray> sinks(String accountSid) {
        Future<List<Sink>> sinks = ports.store().of(Sink.KIND).list(accountSid, s -> true, 0, PAGE).map(page -> page.items());
        Future<List<Subscription>> subscriptions = ports.store().of(Subscription.KIND).list(accountSid, s -> true, 0, PAGE)
                .map(page -> page.items());
        return Future.all(sinks, subscriptions).map(done -> new JsonArray(sinks.result().stream().map(sink -> {
            SinkStats.Standing standing = ports.sinkStats().of(sink.sid());
            return new JsonObject().put("sid", sink.sid()).put("accountSid", accountSid).put("description", sink.description())
                    .put("type", sink.sinkType().wireName()).put("status", sink.status().name())
                    .put("subscriptions", subscriptions.result().stream().filter(s -> s.sinkSid().equals(sink.sid())).count())
                    .put("delivered", standing.delivered()).put("failedAttempts", standing.failedAttempts())
                    .put("dropped", standing.dropped()).put("lagMillis", standing.lastLagMillis())
                    .put("lastFailure", standing.lastFailure());
        }).toList()));
    }

    private static JsonObject trigger(UsageTrigger trigger) {
        return new JsonObject().put("sid", trigger.sid()).put("accountSid", trigger.accountSid())
                .put("friendlyName", trigger.friendlyName()).put("usageCategory", trigger.category())
                .put("triggerBy", trigger.triggerBy().wire()).put("triggerValue", trigger.triggerValue().toPlainString())
                .put("recurring", trigger.recurring() == null ? "" : trigger.recurring().wire())
                .put("dateFired", trigger.dateFired() == null ? null : trigger.dateFired().toString());
    }

    private static JsonObject device(Device device) {
        return new JsonObject().put("accountSid", device.accountSid()).put("identity", device.identity())
                .put("device", device.device()).put("endpoint", device.endpoint()).put("status", device.status().name())
                .put("node", device.fromPbx() ? "PBX" : device.node()).put("since", device.since().toString());
    }
}
