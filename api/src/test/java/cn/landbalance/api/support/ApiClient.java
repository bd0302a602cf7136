package cn.landbalance.api.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** A plain HTTP client for tests: raw status, content type and body, with JSON access to the body. */
public final class ApiClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public ApiClient(URI base) {
        this.base = base;
    }

    public record Response(int status, String contentType, String body, Map<String, java.util.List<String>> headers) {
        public Response(int status, String contentType, String body) {
            this(status, contentType, body, Map.of());
        }

        /** The first value of a response header, or null. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String string(String field) {
            JsonNode node = json().get(field);
            return node == null || node.isNull() ? null : node.asText();
        }

        public long number(String field) {
            JsonNode node = json().get(field);
            if (node == null || !node.isNumber()) {
                throw new AssertionError("no number " + field + " in " + body);
            }
            return node.asLong();
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    /** A binary download (an .xlsx report): the status, content type and bytes. */
    public record Download(int status, String contentType, byte[] body) {
    }

    public Download download(String path, String token, String accept) {
        HttpRequest request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Accept", accept).GET().build();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Posts a file's bytes (an .xlsx or CSV upload) as {@code contentType}. */
    public Response upload(String path, String token, byte[] body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return exchange(request.build());
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    /** Posts {@code json} (a {@link Json} or JSON text; null for no body) as application/json. */
    public Response post(String path, String token, CharSequence json) {
        return send("POST", path, token, json == null ? null : json.toString(), "application/json");
    }

    /** Puts {@code json} (a {@link Json} or JSON text) as application/json. */
    public Response put(String path, String token, CharSequence json) {
        return send("PUT", path, token, json == null ? null : json.toString(), "application/json");
    }

    public Response send(String method, String path, String token, String body, String contentType) {
        return send(method, path, token, body, contentType, null);
    }

    /** With an {@code Idempotency-Key} header when {@code idempotencyKey} is not null. */
    public Response send(String method, String path, String token, String body, String contentType, String idempotencyKey) {
        return sendWithHeaders(method, path, token, body, contentType,
                idempotencyKey == null ? Map.of() : Map.of("Idempotency-Key", idempotencyKey));
    }

    /** With further {@code headers} (a proxy's, an idempotency key). */
    public Response sendWithHeaders(String method, String path, String token, String body, String contentType,
                                    Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        headers.forEach(request::header);
        return exchange(request.build());
    }

    private Response exchange(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("content-type").orElse(null),
                    response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
