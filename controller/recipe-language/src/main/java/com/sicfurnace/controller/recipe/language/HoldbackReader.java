package com.sicfurnace.controller.recipe.language;

import com.sicfurnace.controller.recipe.Holdback;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Reads a {@code holdback: {type: band, limit_k: 5}} field, in the header or in a step. */
final class HoldbackReader {
    private static final List<String> FIELDS = List.of("type", "limit_k");

    private HoldbackReader() {
    }

    static Optional<Holdback> read(MappingReader owner) {
        return owner.optional("holdback").mapping("{type: band, limit_k: 5}").flatMap(HoldbackReader::holdback);
    }

    private static Optional<Holdback> holdback(MappingReader fields) {
        fields.checkKeys(FIELDS);
        Optional<Holdback.Type> type = fields.required("type").choice(YamlNames.HOLDBACK_TYPES);
        OptionalDouble limitK = fields.required("limit_k").number(Range.positiveUpTo(Double.POSITIVE_INFINITY, "K"));
        if (type.isEmpty() || limitK.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Holdback(type.get(), limitK.getAsDouble()));
    }
}
