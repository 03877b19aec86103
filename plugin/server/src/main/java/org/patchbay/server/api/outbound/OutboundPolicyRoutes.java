package org.patchbay.server.api.outbound;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.patchbay.adapters.http.AddressRange;
import org.patchbay.core.account.OutboundDeny;
import org.patchbay.core.store.Store;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Reply;
import org.patchbay.server.http.AccountOutbound;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code /v1/Accounts/{AccountSid}/OutboundPolicy}: address blocks an account's TwiML fetches,
 * callbacks and sink webhooks may not go to, on top of the installation's policy (Patchbay's own
 * API: Twilio has none). Any credential of the account reads them; only a main account's own
 * token sets them, for itself (binding its subaccounts too) or for one of its subaccounts, so a
 * subaccount can add nothing to nor take anything from what its owner decided.
 */
public final class OutboundPolicyRoutes {
    static final String TEMPLATE = "/v1/Accounts/{AccountSid}/OutboundPolicy";
    static final int MAX_BLOCKS = 100;

    private final Store store;
    private final AccountOutbound accounts;

    public OutboundPolicyRoutes(Store store, AccountOutbound accounts) {
        this.store = store;
        this.accounts = accounts;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HttpMethod.GET, TEMPLATE, "AccountSid", Endpoint.Access.ACCOUNT, this::fetch),
                new Endpoint(HttpMethod.POST, TEMPLATE, "AccountSid", Endpoint.Access.ACCOUNT_ADMIN, this::update).forMainAccountsOnly());
    }

    private Future<Reply> update(ApiRequest request) {
        List<String> blocks = blocks(request.params());
        Instant now = Instant.now();
        return store.of(OutboundDeny.KIND).get(request.accountSid())
                .compose(current -> store.of(OutboundDeny.KIND).put(new OutboundDeny(request.accountSid(), blocks,
                        current == null ? now : current.dateCreated(), now)))
                .compose(saved -> {
                    accounts.forgetAll();
                    return fetch(request);
                });
    }

    /** {@code DeniedRanges}: comma-separated CIDR blocks; empty clears them. Checked here, so what is stored parses. */
    private static List<String> blocks(Params params) {
        String given = params.get("DeniedRanges");
        if (given == null) {
            throw Params.invalid("DeniedRanges is required: comma-separated CIDR blocks such as 10.0.0.0/8,fd00::/8 (empty clears them)");
        }
        List<String> blocks = new ArrayList<>();
        for (String block : given.split(",")) {
            if (block.isBlank()) {
                continue;
            }
            try {
                blocks.add(AddressRange.parse(block).text());
            } catch (IllegalArgumentException bad) {
                throw Params.invalid("DeniedRanges: " + Params.shorten(bad.getMessage()));
            }
        }
        if (blocks.size() > MAX_BLOCKS) {
            throw Params.invalid("DeniedRanges: at most " + MAX_BLOCKS + " blocks, got " + blocks.size());
        }
        return blocks;
    }

    private Future<Reply> fetch(ApiRequest request) {
        String sid = request.accountSid();
        String owner = request.account().ownerAccountSid();
        Future<List<String>> own = accounts.blocksOf(sid);
        Future<List<String>> inherited = request.account().isMain() ? Future.succeededFuture(List.of()) : accounts.blocksOf(owner);
        return Future.all(own, inherited).map(both -> Reply.ok(new JsonObject()
                .put("account_sid", sid)
                .put("denied_ranges", new JsonArray(own.result()))
                .put("owner_denied_ranges", new JsonArray(inherited.result()))
                .put("url", "/v1/Accounts/" + sid + "/OutboundPolicy")));
    }
}
