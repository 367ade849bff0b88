package dev.samokoder.api.http;

/** One API operation: a route's thin handler (read the request, call a service, shape the answer). */
@FunctionalInterface
public interface Operation {
    ApiResponse handle(ApiRequest request);
}
