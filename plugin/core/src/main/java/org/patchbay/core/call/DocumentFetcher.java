package org.patchbay.core.call;

import io.vertx.core.Future;
import org.patchbay.core.account.Account;
import org.patchbay.core.error.ErrorCode;
import org.patchbay.core.instructions.InstructionFetchException;
import org.patchbay.core.instructions.InstructionRequest;
import org.patchbay.core.instructions.Instructions;
import org.patchbay.core.instructions.Urls;
import org.patchbay.core.notification.Notifications;
import org.patchbay.core.twiml.TwimlDocument;
import org.patchbay.core.twiml.TwimlException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Gets a call its next document. Any failure (HTTP, connection, content type, bad TwiML) is logged
 * as a Notification and, when the application has one, the fallback URL is asked instead with
 * {@code ErrorCode} and {@code ErrorUrl}; a failing fallback is logged too and ends the attempt.
 */
final class DocumentFetcher {

    record Fetched(String url, TwimlDocument document) {
    }

    private final CallServices services;
    private final BiConsumer<String, Map<String, String>> activity;

    DocumentFetcher(CallServices services, BiConsumer<String, Map<String, String>> activity) {
        this.services = services;
        this.activity = activity;
    }

    Future<Fetched> fetch(Account account, CallApp app, CallRecord call, String url, String method, Map<String, String> extra) {
        Map<String, String> params = CallParameters.of(call);
        params.putAll(extra);
        return attempt(account, url, method, params).recover(failure -> {
            ApplicationFailure first = asApplicationFailure(failure, url, method, params);
            report(account, call, first);
            if (!app.hasFallback()) {
                return Future.failedFuture(first);
            }
            Map<String, String> fallbackParams = new LinkedHashMap<>(params);
            fallbackParams.put("ErrorCode", Integer.toString(first.code().code()));
            fallbackParams.put("ErrorUrl", url == null ? "" : url);
            return attempt(account, app.fallbackUrl(), app.fallbackMethod(), fallbackParams).recover(second -> {
                ApplicationFailure again = asApplicationFailure(second, app.fallbackUrl(), app.fallbackMethod(), fallbackParams);
                report(account, call, again);
                return Future.failedFuture(again);
            });
        });
    }

    private Future<Fetched> attempt(Account account, String url, String method, Map<String, String> params) {
        if (url == null || !Urls.isHttpUrl(url)) {
            return Future.failedFuture(new ApplicationFailure(ErrorCode.INVALID_URL,
                    "the application URL '" + url + "' is not an absolute http(s) URL",
                    new Notifications.Request(url, method, params, null, null)));
        }
        return services.instructions().fetch(new InstructionRequest(url, method, params, account.authToken()))
                .compose(instructions -> parse(instructions, method, params))
                .onComplete(done -> activity.accept("fetch", fetchDetails(url, method, params, done.succeeded() ? null
                        : asApplicationFailure(done.cause(), url, method, params))));
    }

    private static Map<String, String> fetchDetails(String url, String method, Map<String, String> params, ApplicationFailure failure) {
        Map<String, String> details = new LinkedHashMap<>();
        details.put("url", url);
        details.put("method", method);
        params.forEach((name, value) -> details.put("param." + name, value));
        if (failure == null) {
            details.put("status", "200");
        } else {
            details.put("errorCode", Integer.toString(failure.code().code()));
            details.put("error", String.valueOf(failure.getMessage()));
            if (failure.request().status() != null) {
                details.put("status", Integer.toString(failure.request().status()));
            }
        }
        return details;
    }

    private Future<Fetched> parse(Instructions instructions, String method, Map<String, String> params) {
        try {
            return Future.succeededFuture(new Fetched(instructions.url(), services.parser().parse(instructions.body())));
        } catch (TwimlException e) {
            return Future.failedFuture(new ApplicationFailure(e.errorCode(), e.getMessage(),
                    new Notifications.Request(instructions.url(), method, params, instructions.status(), instructions.body())));
        }
    }

    private static ApplicationFailure asApplicationFailure(Throwable failure, String url, String method, Map<String, String> params) {
        if (failure instanceof ApplicationFailure known) {
            return known;
        }
        if (failure instanceof InstructionFetchException fetch) {
            return new ApplicationFailure(fetch.errorCode(), fetch.getMessage(),
                    new Notifications.Request(url, method, params, fetch.responseStatus(), fetch.responseBody()));
        }
        return new ApplicationFailure(ErrorCode.HTTP_RETRIEVAL_FAILURE, String.valueOf(failure.getMessage()),
                new Notifications.Request(url, method, params, null, null));
    }

    private void report(Account account, CallRecord call, ApplicationFailure failure) {
        services.notifications().error(account.sid(), call.sid(), failure.code(), failure.getMessage(), failure.request());
    }
}
