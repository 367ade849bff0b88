package dev.samokoder.local.sfn.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.samokoder.local.sfn.engine.SfnException;

import java.util.List;

/** maxResults / nextToken paging over an in-memory list; the token is the offset of the next item. */
record Page<T>(List<T> items, String nextToken) {

    static <T> Page<T> of(List<T> all, JsonNode request, int defaultSize) {
        int size = request.path("maxResults").asInt(0);
        if (size <= 0) {
            size = defaultSize;
        }
        int offset = 0;
        String token = request.path("nextToken").asText("");
        if (!token.isEmpty()) {
            try {
                offset = Integer.parseInt(token);
            } catch (NumberFormatException e) {
                throw new SfnException("InvalidToken", "Invalid Token: '" + token + "'");
            }
        }
        int end = Math.min(all.size(), offset + size);
        List<T> items = offset >= all.size() ? List.of() : all.subList(offset, end);
        return new Page<>(items, end < all.size() ? String.valueOf(end) : null);
    }
}
