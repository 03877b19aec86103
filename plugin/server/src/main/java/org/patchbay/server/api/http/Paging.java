package org.patchbay.server.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.store.Page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Twilio paging: {@code PageSize} (default 50, at most 1000), {@code Page} (from 0) and
 * {@code PageToken}. Patchbay's page token is opaque to clients but simply carries the offset of the
 * page's first record ({@code PT<offset>}); the page URIs in every list body carry it, so following
 * {@code next_page_uri} works whatever {@code Page} says.
 */
public record Paging(int pageSize, int page, int offset) {
    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;
    private static final int MAX_PAGE = 1_000_000;
    private static final Pattern TOKEN = Pattern.compile("PT([0-9]{1,10})");

    public static Paging from(Params params) {
        Integer size = params.integer("PageSize", 1, MAX_SIZE);
        int pageSize = size == null ? DEFAULT_SIZE : size;
        Integer page = params.integer("Page", 0, MAX_PAGE);
        String token = params.get("PageToken");
        if (token == null || token.isEmpty()) {
            int p = page == null ? 0 : page;
            return new Paging(pageSize, p, p * pageSize);
        }
        Matcher m = TOKEN.matcher(token);
        long offset = m.matches() ? Long.parseLong(m.group(1)) : -1;
        if (offset < 0 || offset > (long) MAX_PAGE * MAX_SIZE) {
            throw Params.invalid("PageToken is not valid: '" + Params.shorten(token) + "'");
        }
        return new Paging(pageSize, page == null ? (int) (offset / pageSize) : page, (int) offset);
    }

    /**
     * The list body Twilio returns: the records under {@code key}, then the page's position and the
     * URIs of this, the first, the next and the previous page, repeating the filters that were given.
     */
    public JsonObject body(String key, List<JsonObject> items, Page<?> stored, String path, Params params, List<String> filters) {
        String base = (path.endsWith(".json") ? path : path + ".json") + "?" + filterQuery(params, filters);
        String current = base + "PageSize=" + pageSize + "&Page=" + page
                + (params.get("PageToken") == null ? "" : "&PageToken=PT" + offset);
        String next = stored.hasMore()
                ? base + "PageSize=" + pageSize + "&Page=" + (page + 1) + "&PageToken=PT" + (offset + items.size())
                : null;
        String previous = offset > 0
                ? base + "PageSize=" + pageSize + "&Page=" + Math.max(0, page - 1) + "&PageToken=PT" + Math.max(0, offset - pageSize)
                : null;
        return new JsonObject()
                .put(key, new JsonArray(List.copyOf(items)))
                .put("end", items.isEmpty() ? offset : offset + items.size() - 1)
                .put("first_page_uri", base + "PageSize=" + pageSize + "&Page=0")
                .put("next_page_uri", next)
                .put("page", page)
                .put("page_size", pageSize)
                .put("previous_page_uri", previous)
                .put("start", offset)
                .put("uri", current);
    }

    static String filterQuery(Params params, List<String> filters) {
        StringBuilder query = new StringBuilder();
        for (String name : filters) {
            for (String value : params.all(name)) {
                query.append(encode(name)).append('=').append(encode(value)).append('&');
            }
        }
        return query.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
