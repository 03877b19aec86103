package org.patchbay.server.api.events;

import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import org.patchbay.core.error.PatchbayException;
import org.patchbay.core.events.EventCatalog;
import org.patchbay.core.events.EventDescription;
import org.patchbay.core.events.EventSchema;
import org.patchbay.core.store.Page;
import org.patchbay.server.api.http.ApiRequest;
import org.patchbay.server.api.http.Endpoint;
import org.patchbay.server.api.http.Paging;
import org.patchbay.server.api.http.Params;
import org.patchbay.server.api.http.Reply;
import org.patchbay.server.api.http.V1Paging;

import java.util.List;

/** The read-only catalog: {@code /v1/Types} and {@code /v1/Schemas/{Id}/Versions}, with each version's JSON Schema. */
final class EventTypeRoutes {
    private final EventCatalog catalog;
    private final String baseUrl;

    EventTypeRoutes(EventCatalog catalog, String baseUrl) {
        this.catalog = catalog;
        this.baseUrl = baseUrl;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.v1(HttpMethod.GET, "/Types", this::listTypes),
                Endpoint.v1(HttpMethod.GET, "/Types/{Type}", this::fetchType),
                Endpoint.v1(HttpMethod.GET, "/Schemas/{Id}", this::fetchSchema),
                Endpoint.v1(HttpMethod.GET, "/Schemas/{Id}/Versions", this::listVersions),
                Endpoint.v1(HttpMethod.GET, "/Schemas/{Id}/Versions/{SchemaVersion}", this::fetchVersion),
                Endpoint.v1(HttpMethod.GET, "/Schemas/{Id}/Versions/{SchemaVersion}/Raw", this::raw));
    }

    private Future<Reply> listTypes(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        String schemaId = params.get("SchemaId");
        Page<EventDescription> page = V1Paging.slice(schemaId == null ? catalog.types() : catalog.typesOfSchema(schemaId), paging);
        return Future.succeededFuture(Reply.ok(V1Paging.body("types", page.items().stream().map(this::typeJson).toList(),
                page, paging, baseUrl, request.path(), params, List.of("SchemaId"))));
    }

    private Future<Reply> fetchType(ApiRequest request) {
        return catalog.type(request.pathParam("Type"))
                .map(type -> Future.succeededFuture(Reply.ok(typeJson(type))))
                .orElseGet(() -> Future.failedFuture(PatchbayException.notFound(request.path())));
    }

    private Future<Reply> fetchSchema(ApiRequest request) {
        List<EventSchema> versions = versions(request);
        EventSchema latest = versions.get(versions.size() - 1);
        String url = schemaUrl(latest.id());
        return Future.succeededFuture(Reply.ok(new JsonObject()
                .put("id", latest.id())
                .put("url", url)
                .put("links", new JsonObject().put("versions", url + "/Versions"))
                .put("latest_version_date_created", null)
                .put("latest_version", latest.version())));
    }

    private Future<Reply> listVersions(ApiRequest request) {
        Params params = request.params();
        Paging paging = Paging.from(params);
        Page<EventSchema> page = V1Paging.slice(versions(request), paging);
        return Future.succeededFuture(Reply.ok(V1Paging.body("schema_versions",
                page.items().stream().map(this::versionJson).toList(), page, paging, baseUrl, request.path(), params, List.of())));
    }

    private Future<Reply> fetchVersion(ApiRequest request) {
        return Future.succeededFuture(Reply.ok(versionJson(version(request))));
    }

    /** The JSON Schema document itself: what a CloudEvent's {@code dataschema} points at. */
    private Future<Reply> raw(ApiRequest request) {
        return Future.succeededFuture(Reply.ok(new JsonObject(version(request).document())));
    }

    private JsonObject typeJson(EventDescription type) {
        return new JsonObject()
                .put("type", type.type().name())
                .put("schema_id", type.schemaId())
                .put("date_created", null)
                .put("date_updated", null)
                .put("description", type.description())
                .put("status", "available")
                .put("documentation_url", null)
                .put("url", baseUrl + "/v1/Types/" + type.type().name())
                .put("links", new JsonObject().put("schema", schemaUrl(type.schemaId()) + "/Versions"))
                .put("when", type.when());
    }

    private JsonObject versionJson(EventSchema schema) {
        return new JsonObject()
                .put("id", schema.id())
                .put("schema_version", schema.version())
                .put("date_created", null)
                .put("url", baseUrl + schema.path())
                .put("raw", baseUrl + schema.rawPath());
    }

    private List<EventSchema> versions(ApiRequest request) {
        List<EventSchema> versions = catalog.versions(request.pathParam("Id"));
        if (versions.isEmpty()) {
            throw PatchbayException.notFound(request.path());
        }
        return versions;
    }

    private EventSchema version(ApiRequest request) {
        String version = request.pathParam("SchemaVersion");
        if (!version.matches("[0-9]{1,9}")) {
            throw PatchbayException.notFound(request.path());
        }
        return catalog.schema(request.pathParam("Id"), Integer.parseInt(version))
                .orElseThrow(() -> PatchbayException.notFound(request.path()));
    }

    private String schemaUrl(String schemaId) {
        return baseUrl + "/v1/Schemas/" + schemaId;
    }
}
