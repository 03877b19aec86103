package org.patchbay.server.api.limits;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import org.patchbay.core.limits.AccountLimits;
import org.patchbay.core.limits.LimitPolicy;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Reply;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code /v1/Accounts/{AccountSid}/Limits}: an account's thresholds and how they stand. Any
 * credential of the account reads them; only a main account's own token changes them, for itself
 * or one of its subaccounts.
 */
public final class LimitRoutes {
    static final String TEMPLATE = "/v1/Accounts/{AccountSid}/Limits";
    private static final String PER_RESOURCE = "ApiConcurrency.";
    private static final int MAX = 1_000_000;

    private final LimitPolicy policy;
    private final LimitStanding standing;

    public LimitRoutes(LimitPolicy policy, LimitStanding standing) {
        this.policy = policy;
        this.standing = standing;
    }

    public List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HttpMethod.GET, TEMPLATE, "AccountSid", Endpoint.Access.ACCOUNT, this::fetch),
                new Endpoint(HttpMethod.POST, TEMPLATE, "AccountSid", Endpoint.Access.ACCOUNT_ADMIN, this::update).forMainAccountsOnly());
    }

    private Future<Reply> update(ApiRequest request) {
        AccountLimits changes = changes(request.accountSid(), request.params());
        return policy.store().get(request.accountSid())
                .compose(current -> policy.store().put(current.updatedWith(changes)))
                .compose(saved -> {
                    policy.forget(request.accountSid());
                    return fetch(request);
                });
    }

    private static AccountLimits changes(String accountSid, Params params) {
        Map<String, Integer> byResource = new TreeMap<>();
        for (String name : params.names()) {
            if (name.startsWith(PER_RESOURCE)) {
                String resource = name.substring(PER_RESOURCE.length());
                if (!resource.matches("[A-Z][A-Za-z]*")) {
                    throw Params.invalid(name + " must name a resource type such as ApiConcurrency.Calls");
                }
                byResource.put(resource, params.integer(name, 0, MAX));
            }
        }
        AccountLimits changes = new AccountLimits(accountSid, params.integer("ApiConcurrency", 0, MAX),
                params.integer("ConcurrentCalls", 0, MAX), params.integer("CallsPerSecond", 0, 10_000), byResource);
        if (changes.equals(AccountLimits.none(accountSid))) {
            throw Params.invalid("Give at least one of ApiConcurrency, ConcurrentCalls, CallsPerSecond, ApiConcurrency.<Resource>");
        }
        return changes;
    }

    private Future<Reply> fetch(ApiRequest request) {
        return standing.of(request.accountSid())
                .map(json -> Reply.ok(json.put("url", "/v1/Accounts/" + request.accountSid() + "/Limits")));
    }
}
