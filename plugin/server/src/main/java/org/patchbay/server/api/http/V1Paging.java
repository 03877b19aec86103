package org.patchbay.server.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.store.Page;

import java.util.List;

/**
 * The list body of Twilio's v1 APIs: the records under {@code key} and a {@code meta} object with the page's
 * position and the absolute URLs of this, the first, the previous and the next page (the helper libraries follow
 * {@code next_page_url} as given, so it points at Patchbay). Parameters are read as {@link Paging} reads them.
 */
public final class V1Paging {
    private V1Paging() {
    }

    public static JsonObject body(String key, List<JsonObject> items, Page<?> stored, Paging paging, String baseUrl,
                                  String path, Params params, List<String> filters) {
        String base = baseUrl + path + "?" + Paging.filterQuery(params, filters);
        int size = paging.pageSize();
        int offset = paging.offset();
        String current = base + "PageSize=" + size + "&Page=" + paging.page()
                + (params.get("PageToken") == null ? "" : "&PageToken=PT" + offset);
        String next = stored.hasMore()
                ? base + "PageSize=" + size + "&Page=" + (paging.page() + 1) + "&PageToken=PT" + (offset + items.size())
                : null;
        String previous = offset > 0
                ? base + "PageSize=" + size + "&Page=" + Math.max(0, paging.page() - 1) + "&PageToken=PT" + Math.max(0, offset - size)
                : null;
        JsonObject meta = new JsonObject()
                .put("page", paging.page())
                .put("page_size", size)
                .put("first_page_url", base + "PageSize=" + size + "&Page=0")
                .put("previous_page_url", previous)
                .put("url", current)
                .put("next_page_url", next)
                .put("key", key);
        return new JsonObject().put(key, new JsonArray(List.copyOf(items))).put("meta", meta);
    }

    /** The page {@code paging} asks for of a list already in memory. */
    public static <T> Page<T> slice(List<T> all, Paging paging) {
        int from = Math.min(paging.offset(), all.size());
        int to = (int) Math.min((long) from + paging.pageSize(), all.size());
        return new Page<>(all.subList(from, to), paging.offset(), paging.pageSize(), to < all.size());
    }
}
