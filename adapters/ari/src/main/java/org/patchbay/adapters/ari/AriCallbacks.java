package org.patchbay.adapters.ari;

import ch.loway.oss.ari4java.tools.AriCallback;
import ch.loway.oss.ari4java.tools.RestException;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import org.patchbay.core.telephony.TelephonyException;

/** Bridges ari4java callbacks to Vert.x promises completed on the context that made the request. */
final class AriCallbacks {

    private AriCallbacks() {
    }

    static <T> AriCallback<T> completing(Promise<T> promise) {
        Context origin = Vertx.currentContext();
        return new AriCallback<>() {
            @Override
            public void onSuccess(T result) {
                onOrigin(origin, () -> promise.tryComplete(result));
            }

            @Override
            public void onFailure(RestException e) {
                onOrigin(origin, () -> promise.tryFail(new TelephonyException(e.getCode(), e.getMessage())));
            }
        };
    }

    private static void onOrigin(Context origin, Runnable action) {
        if (origin == null || Vertx.currentContext() == origin) {
            action.run();
        } else {
            origin.runOnContext(v -> action.run());
        }
    }
}
