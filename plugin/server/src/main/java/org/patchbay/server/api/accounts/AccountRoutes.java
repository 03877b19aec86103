package org.patchbay.server.api.accounts;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.account.Account;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.sid.Sids;
import org.patchbay.core.store.Page;
import org.patchbay.core.store.ResourceStore;
import org.patchbay.core.store.Store;
import org.patchbay.core.livecall.LiveCalls;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Reply;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * {@code /Accounts}: the main account creates, lists, renames, suspends and closes its subaccounts;
 * a subaccount sees and renames only itself. Closing is final, as on Twilio.
 */
public final class AccountRoutes {
    private static final String ROOT = "/2010-04-01/Accounts.json";
    private static final String ONE = "/2010-04-01/Accounts/{Sid}.json";
    private static final Set<String> STATUSES = Arrays.stream(Account.Status.values()).map(Enum::name).collect(Collectors.toSet());
    private static final DateTimeFormatter DEFAULT_NAME =
            DateTimeFormatter.ofPattern("'SubAccount Created at 'yyyy-MM-dd hh:mm a", Locale.US).withZone(ZoneOffset.UTC);

    private final ResourceStore<Account> accounts;
    private final Store store;
    private final LiveCalls liveCalls;

    public AccountRoutes(Store store, LiveCalls liveCalls) {
        this.store = store;
        this.liveCalls = liveCalls;
        this.accounts = store.of(Account.KIND);
    }

    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HttpMethod.POST, ROOT, null, Endpoint.Access.ACCOUNT_ADMIN, this::create),
                new Endpoint(HttpMethod.GET, ROOT, null, Endpoint.Access.ACCOUNT_ADMIN, this::list),
                new Endpoint(HttpMethod.GET, ONE, "Sid", Endpoint.Access.ACCOUNT_ADMIN, this::fetch),
                new Endpoint(HttpMethod.POST, ONE, "Sid", Endpoint.Access.ACCOUNT_ADMIN, this::update));
    }

    private Future<Reply> create(ApiRequest request) {
        Account owner = request.caller().account();
        if (!owner.isMain()) {
            throw new PatchbayException(403, ErrorCode.FORBIDDEN, "Only the main account can create subaccounts");
        }
        Instant now = Instant.now();
        String name = request.params().friendlyName();
        Account created = new Account(Sids.next(Sids.ACCOUNT), owner.sid(), Sids.secret(),
                name == null || name.isBlank() ? DEFAULT_NAME.format(now) : name, Account.Status.active, now, now);
        return accounts.put(created).map(v -> Reply.created(AccountJson.of(created)));
    }

    private Future<Reply> list(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        String name = params.text("FriendlyName", Params.MAX_FRIENDLY_NAME);
        String status = params.choice("Status", STATUSES);
        Predicate<Account> filter = a -> (name == null || name.equals(a.friendlyName()))
                && (status == null || status.equals(a.status().name()));
        Account caller = request.caller().account();
        Future<Page<Account>> page = caller.isMain()
                ? accounts.list(caller.sid(), filter, paging.offset(), paging.pageSize())
                : Future.succeededFuture(alone(caller, filter, paging));
        return page.map(found -> Reply.ok(paging.body("accounts", found.items().stream().map(AccountJson::of).toList(),
                found, request.path(), params, List.of("FriendlyName", "Status"))));
    }

    /** A subaccount's own listing: itself, if it passes the filter. */
    private static Page<Account> alone(Account self, Predicate<Account> filter, Paging paging) {
        boolean shown = paging.offset() == 0 && filter.test(self);
        return new Page<>(shown ? List.of(self) : List.of(), paging.offset(), paging.pageSize(), false);
    }

    private Future<Reply> fetch(ApiRequest request) {
        return Future.succeededFuture(Reply.ok(AccountJson.of(request.account())));
    }

    private Future<Reply> update(ApiRequest request) {
        Params params = request.params();
        String name = params.friendlyName();
        String status = params.choice("Status", STATUSES);
        Account target = request.account();
        Account updated = target;
        if (status != null && !status.equals(target.status().name())) {
            checkStatusChange(request.caller().account(), target);
            updated = updated.withStatus(Account.Status.valueOf(status));
        }
        if (name != null && !name.isBlank()) {
            updated = updated.withFriendlyName(name);
        }
        Account result = updated;
        if (result == target) {
            return Future.succeededFuture(Reply.ok(AccountJson.of(target)));
        }
        Future<Void> written = accounts.put(result);
        if (result.status() == Account.Status.closed) {
            written = written.compose(v -> ClosedAccountCalls.end(store, liveCalls, result.sid()));
        }
        return written.map(v -> Reply.ok(AccountJson.of(result)));
    }

    private static void checkStatusChange(Account caller, Account target) {
        if (target.isMain()) {
            throw new PatchbayException(403, ErrorCode.FORBIDDEN, "The main account's status cannot be changed through the API");
        }
        if (!caller.isMain()) {
            throw new PatchbayException(403, ErrorCode.FORBIDDEN, "Only the owner account can change a subaccount's status");
        }
        if (target.status() == Account.Status.closed) {
            throw Params.invalid("A closed account cannot be reopened");
        }
    }
}
