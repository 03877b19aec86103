package org.patchbay.server.api.events;

import io.vertx.core.Future;
import org.patchbay.core.events.sink.Subscription;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Every subscription of one account, read page by page: which sinks are in use. */
final class AccountSubscriptions {
    private static final int PAGE = 1000;

    private final ResourceStore<Subscription> subscriptions;

    AccountSubscriptions(Store store) {
        this.subscriptions = store.of(Subscription.KIND);
    }

    Future<Set<String>> sinkSidsInUse(String accountSid) {
        return all(accountSid, 0, new ArrayList<>())
                .map(all -> all.stream().map(Subscription::sinkSid).collect(Collectors.toSet()));
    }

    private Future<List<Subscription>> all(String accountSid, int offset, List<Subscription> found) {
        return subscriptions.list(accountSid, any -> true, offset, PAGE).compose(page -> {
            found.addAll(page.items());
            return page.hasMore() ? all(accountSid, offset + PAGE, found) : Future.succeededFuture(found);
        });
    }
}
