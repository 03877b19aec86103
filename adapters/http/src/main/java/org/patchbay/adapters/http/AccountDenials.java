package org.patchbay.adapters.http;

import io.vertx.core.Future;

import java.util.List;

/**
 * The blocks one account's requests are denied on top of the installation's {@link OutboundPolicy}
 * (an operator's customer may wall off more of its own network). May complete on any thread.
 */
@FunctionalInterface
public interface AccountDenials {
    AccountDenials NONE = accountSid -> Future.succeededFuture(List.of());

    Future<List<AddressRange>> deniedFor(String accountSid);
}
