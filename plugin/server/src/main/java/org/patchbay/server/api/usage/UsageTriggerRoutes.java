package org.patchbay.server.api.usage;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Page;
import org.patchbay.core.usage.Period;
import org.patchbay.core.usage.Tally;
import org.patchbay.core.usage.TriggerBy;
import org.patchbay.core.usage.TriggerValue;
import org.patchbay.core.usage.UsageCategories;
import org.patchbay.core.usage.UsageDelta;
import org.patchbay.core.usage.UsageTrigger;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Reply;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code /Usage/Triggers}: create, list ({@code Recurring}, {@code TriggerBy}, {@code UsageCategory}),
 * fetch, update (callback and name) and delete. A {@code +N} value is resolved against the watched
 * counter when the trigger is created; {@code current_value} is that counter now.
 */
final class UsageTriggerRoutes {
    private static final Set<String> RECURRING = Set.of("daily", "monthly", "yearly", "alltime");
    private static final Set<String> TRIGGER_BY = Set.of("count", "usage", "price");
    private static final List<String> FILTERS = List.of("Recurring", "TriggerBy", "UsageCategory");

    private final UsageApi usage;

    UsageTriggerRoutes(UsageApi usage) {
        this.usage = usage;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.account(HttpMethod.POST, "/Usage/Triggers.json", this::create),
                Endpoint.account(HttpMethod.GET, "/Usage/Triggers.json", this::list),
                Endpoint.account(HttpMethod.GET, "/Usage/Triggers/{Sid}.json", this::fetch),
                Endpoint.account(HttpMethod.POST, "/Usage/Triggers/{Sid}.json", this::update),
                Endpoint.account(HttpMethod.DELETE, "/Usage/Triggers/{Sid}.json", this::delete));
    }

    private Future<Reply> create(ApiRequest request) {
        Params params = request.params();
        String url = required("CallbackUrl", params.url("CallbackUrl"));
        String category = required("UsageCategory", params.get("UsageCategory"));
        if (UsageCategories.byName(category) == null) {
            throw Params.invalid("UsageCategory is not a category Patchbay counts: '" + Params.shorten(category) + "'");
        }
        TriggerValue value = triggerValue(required("TriggerValue", params.get("TriggerValue")));
        String method = params.method("CallbackMethod");
        String recurring = params.choice("Recurring", RECURRING);
        String by = params.choice("TriggerBy", TRIGGER_BY);
        Instant now = usage.clock().instant();
        UsageTrigger draft = new UsageTrigger(Sids.next(Sids.USAGE_TRIGGER), request.accountSid(), params.friendlyName(), url,
                method == null ? "POST" : method, category, by == null ? TriggerBy.USAGE : TriggerBy.fromWire(by),
                value.amount(), recurring == null ? null : Period.fromWire(recurring), now, now, null);
        return currentValue(draft).compose(current -> {
            BigDecimal currentAmount = draft.watchesMoney() ? Tally.toDecimal(current) : BigDecimal.valueOf(current);
            UsageTrigger created = new UsageTrigger(draft.sid(), draft.accountSid(), draft.friendlyName(), url, draft.callbackMethod(),
                    category, draft.triggerBy(), value.resolve(currentAmount), draft.recurring(), now, now, null);
            return usage.store().putTrigger(created).map(v -> Reply.created(UsageTriggerJson.of(created, current)));
        });
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        String recurring = params.choice("Recurring", RECURRING);
        String by = params.choice("TriggerBy", TRIGGER_BY);
        String category = params.get("UsageCategory");
        return usage.store().triggers(request.accountSid()).compose(all -> {
            List<UsageTrigger> matching = all.stream()
                    .filter(t -> recurring == null || t.recurring() != null && t.recurring().wire().equals(recurring))
                    .filter(t -> by == null || t.triggerBy().wire().equals(by))
                    .filter(t -> category == null || t.category().equals(category))
                    .toList();
            int end = Math.min(matching.size(), paging.offset() + paging.pageSize());
            List<UsageTrigger> shown = paging.offset() >= end ? List.of() : matching.subList(paging.offset(), end);
            List<Future<JsonObject>> items = new ArrayList<>();
            shown.forEach(t -> items.add(currentValue(t).map(current -> UsageTriggerJson.of(t, current))));
            return Future.all(new ArrayList<>(items)).map(done -> {
                List<JsonObject> json = items.stream().map(Future::result).toList();
                Page<JsonObject> page = new Page<>(json, paging.offset(), paging.pageSize(), end < matching.size());
                return Reply.ok(paging.body("usage_triggers", json, page, request.path(), params, FILTERS));
            });
        });
    }

    private Future<Reply> fetch(ApiRequest request) {
        return owned(request).compose(t -> currentValue(t).map(current -> Reply.ok(UsageTriggerJson.of(t, current))));
    }

    private Future<Reply> update(ApiRequest request) {
        Params params = request.params();
        String url = params.url("CallbackUrl");
        String method = params.method("CallbackMethod");
        String name = params.friendlyName();
        return owned(request).compose(t -> {
            UsageTrigger updated = t.withCallback(url == null || url.isEmpty() ? t.callbackUrl() : url,
                    method == null ? t.callbackMethod() : method, name == null ? t.friendlyName() : name, usage.clock().instant());
            return usage.store().putTrigger(updated)
                    .compose(v -> currentValue(updated))
                    .map(current -> Reply.ok(UsageTriggerJson.of(updated, current)));
        });
    }

    private Future<Reply> delete(ApiRequest request) {
        return owned(request).compose(t -> usage.store().deleteTrigger(t.sid())).map(v -> Reply.noContent());
    }

    /** The watched counter of the trigger's account family, in the period that holds today. */
    private Future<Long> currentValue(UsageTrigger trigger) {
        String bucket = trigger.watchedPeriod().bucket(usage.today(trigger.accountSid()));
        return usage.store().read(UsageDelta.Scope.family(trigger.accountSid()), List.of(bucket))
                .map(tallies -> trigger.valueIn(tallies.getOrDefault(trigger.category(), Tally.ZERO)));
    }

    private Future<UsageTrigger> owned(ApiRequest request) {
        String sid = request.pathParam("Sid");
        if (!Sids.isSid(Sids.USAGE_TRIGGER, sid)) {
            return Future.failedFuture(PatchbayException.notFound(request.path()));
        }
        return usage.store().trigger(sid).compose(found -> found == null || !found.accountSid().equals(request.accountSid())
                ? Future.failedFuture(PatchbayException.notFound(request.path()))
                : Future.succeededFuture(found));
    }

    private static TriggerValue triggerValue(String text) {
        try {
            return TriggerValue.parse(text);
        } catch (IllegalArgumentException e) {
            throw Params.invalid(e.getMessage());
        }
    }

    private static String required(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw PatchbayException.badRequest(ErrorCode.INVALID_PARAMETER, "Missing required parameter " + name + " in the post body");
        }
        return value;
    }
}
