package io.bpo.contracts.changerequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.flipkart.zjsonpatch.JsonDiff;
import io.bpo.contracts.terms.ContractTerms;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Patch (RFC 6902) between two terms documents, and the parts of the agreement it touches. Both documents
 * go through the same record mapping and numbers are compared by value, so {@code 80} and {@code 80.0} are the same
 * target and a resent unchanged document is an empty patch, not a spurious change.
 */
final class TermsPatch {
    private TermsPatch() {
    }

    static JsonNode between(ObjectMapper mapper, ContractTerms base, ContractTerms proposed) {
        return JsonDiff.asJson(canonical(mapper, base), canonical(mapper, proposed));
    }

    static Set<ChangeCategory> categories(JsonNode patch) {
        Set<ChangeCategory> categories = EnumSet.noneOf(ChangeCategory.class);
        for (JsonNode operation : patch) {
            for (String member : new String[] {"path", "from"}) {
                ChangeCategory category = ChangeCategory.ofPointer(operation.path(member).asText(null));
                if (category != null) {
                    categories.add(category);
                }
            }
        }
        return categories;
    }

    static JsonNode canonical(ObjectMapper mapper, ContractTerms terms) {
        return numbersByValue(mapper.valueToTree(terms));
    }

    private static JsonNode numbersByValue(JsonNode node) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(numbersByValue(field.getValue()));
            }
            return object;
        }
        if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, numbersByValue(array.get(i)));
            }
            return array;
        }
        if (node.isNumber()) {
            BigDecimal value = node.decimalValue().stripTrailingZeros();
            if (value.scale() <= 0) {
                BigInteger whole = value.toBigIntegerExact();
                return whole.bitLength() < 64 ? LongNode.valueOf(whole.longValue()) : BigIntegerNode.valueOf(whole);
            }
            return DecimalNode.valueOf(new BigDecimal(value.toPlainString()));
        }
        return node;
    }
}
