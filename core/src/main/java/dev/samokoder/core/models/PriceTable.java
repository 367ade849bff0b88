package dev.samokoder.core.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Prices and limits of every model the gateway may call, from {@code price-table.json} beside
 * this class, optionally overlaid by a file of the same shape ({@code SAMOKODER_LLM_PRICE_TABLE}):
 * an entry there replaces the built-in entry of the same model or adds a model. A key
 * {@code provider:*} covers every model of that provider without an entry of its own (local
 * OpenAI-compatible servers run models of any name). Each entry may also say what the model does
 * natively: {@code toolCalling} (default true) and {@code structuredOutput} (default false); see
 * {@link ModelCapabilities}.
 */
public final class PriceTable {

    static final String RESOURCE = "price-table.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<String, ModelSpec> byKey;

    private PriceTable(Map<String, ModelSpec> byKey) {
        this.byKey = Map.copyOf(byKey);
    }

    /** The table shipped with the code. */
    public static PriceTable builtIn() {
        try (InputStream in = PriceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            return new PriceTable(parse(MAPPER.readTree(in), RESOURCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + RESOURCE, e);
        }
    }

    /** The built-in table with the entries of {@code overlay} on top, if given. */
    public static PriceTable load(Optional<Path> overlay) {
        PriceTable builtIn = builtIn();
        if (overlay.isEmpty()) {
            return builtIn;
        }
        Path file = overlay.get();
        try {
            Map<String, ModelSpec> merged = new HashMap<>(builtIn.byKey);
            merged.putAll(parse(MAPPER.readTree(Files.readString(file)), "SAMOKODER_LLM_PRICE_TABLE (" + file + ")"));
            return new PriceTable(merged);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the price table " + file + " (SAMOKODER_LLM_PRICE_TABLE)", e);
        }
    }

    /** True when calls of the model can be priced: it, or its provider's {@code *} entry, is listed. */
    public boolean lists(ModelRef model) {
        return byKey.containsKey(model.toString()) || byKey.containsKey(model.provider().wireName() + ":*");
    }

    /** The model's prices and limits: its own entry, else its provider's {@code *} entry; empty when neither is listed. */
    public Optional<ModelSpec> find(ModelRef model) {
        ModelSpec exact = byKey.get(model.toString());
        if (exact != null) {
            return Optional.of(exact);
        }
        ModelSpec wildcard = byKey.get(model.provider().wireName() + ":*");
        return Optional.ofNullable(wildcard).map(w -> new ModelSpec(model, w.prices(), w.contextWindow(), w.maxOutputTokens(),
                w.capabilities()));
    }

    private static Map<String, ModelSpec> parse(JsonNode root, String source) {
        JsonNode models = root.path("models");
        if (!models.isObject()) {
            throw new IllegalArgumentException(source + ": expected an object \"models\" of provider:model -> prices and limits");
        }
        Map<String, ModelSpec> specs = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : models.properties()) {
            try {
                specs.put(entry.getKey(), spec(entry.getKey(), entry.getValue()));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + ": entry '" + entry.getKey() + "': " + e.getMessage(), e);
            }
        }
        return specs;
    }

    private static ModelSpec spec(String key, JsonNode entry) {
        ModelRef model = ModelRef.parse(key);
        ModelPrices prices = new ModelPrices(decimal(entry, "inputPerMillion"), decimal(entry, "cachedInputPerMillion"),
                decimal(entry, "outputPerMillion"));
        return new ModelSpec(model, prices, count(entry, "contextWindow"), count(entry, "maxOutputTokens"),
                new ModelCapabilities(flag(entry, "toolCalling", true), flag(entry, "structuredOutput", false)));
    }

    private static boolean flag(JsonNode entry, String field, boolean otherwise) {
        JsonNode value = entry.get(field);
        if (value == null) {
            return otherwise;
        }
        if (!value.isBoolean()) {
            throw new IllegalArgumentException("'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static BigDecimal decimal(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.isNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a number (USD per million tokens)");
        }
        return value.decimalValue();
    }

    private static int count(JsonNode entry, String field) {
        JsonNode value = entry.get(field);
        if (value == null || !value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("'" + field + "' must be a whole number of tokens");
        }
        return value.intValue();
    }
}
