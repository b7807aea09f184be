package io.bpo.gateway.accesslog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The route template of a request path and the resource ids it carries, e.g.
 * {@code /api/v1/clients/acme/contracts/7f3c...} gives {@code /api/v1/clients/{clientId}/contracts/{contractId}}
 * and {@code clientId=acme, contractId=7f3c...}.
 * <p>
 * The segment after {@code clients} is the client id. Any other segment is a resource id when it is not a plain
 * word (lower-case letters in words joined by '-', as every collection and action name of the API is): UUIDs,
 * numbers, anything with a digit, an upper-case letter or another character. An id is named after the
 * collection before it, singular, in camelCase, with "Id" ({@code change-requests/5} gives
 * {@code {changeRequestId}}). A slug id made only of lower-case words stays in the template as it is (the path,
 * logged beside it, is always the exact one).
 */
public record PathTemplate(String template, Map<String, String> ids) {

    private static final String API_PREFIX = "/api/v1/";
    private static final Pattern WORD = Pattern.compile("[a-z]+(-[a-z]+)*");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9]+)}");

    public static PathTemplate of(String path) {
        if (path == null || !path.startsWith(API_PREFIX)) {
            return new PathTemplate(path, Map.of());
        }
        String[] segments = path.substring(API_PREFIX.length()).split("/", -1);
        StringBuilder template = new StringBuilder(API_PREFIX.length() + path.length()).append(API_PREFIX, 0,
                API_PREFIX.length() - 1);
        Map<String, String> ids = new LinkedHashMap<>();
        Set<String> used = new HashSet<>();
        String previous = null;
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            template.append('/');
            boolean clientId = i == 1 && "clients".equals(segments[0]);
            if (clientId || (i > 0 && !segment.isEmpty() && !WORD.matcher(segment).matches())) {
                String name = unique(clientId ? "clientId" : idName(previous), used);
                ids.put(name, segment);
                template.append('{').append(name).append('}');
                previous = null;
            } else {
                template.append(segment);
                previous = segment;
            }
        }
        return new PathTemplate(template.toString(), ids);
    }

    /** The placeholder names of a template, in order. */
    public static List<String> names(String template) {
        List<String> names = new ArrayList<>();
        if (template != null) {
            Matcher matcher = PLACEHOLDER.matcher(template);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        }
        return names;
    }

    /** The ids of a stored row: the values in the order of the template's placeholders. */
    public static Map<String, String> ids(String template, List<String> values) {
        List<String> names = names(template);
        Map<String, String> ids = new LinkedHashMap<>();
        for (int i = 0; i < values.size(); i++) {
            ids.put(i < names.size() ? names.get(i) : "id" + (i + 1), values.get(i));
        }
        return ids;
    }

    private static String idName(String collection) {
        if (collection == null || collection.isEmpty()) {
            return "id";
        }
        String singular = collection.endsWith("ies") ? collection.substring(0, collection.length() - 3) + "y"
                : collection.endsWith("s") && collection.length() > 1 ? collection.substring(0, collection.length() - 1)
                : collection;
        StringBuilder name = new StringBuilder(singular.length() + 2);
        boolean upper = false;
        for (char c : singular.toCharArray()) {
            if (c == '-') {
                upper = true;
            } else {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return name.append("Id").toString();
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int n = 2; !used.add(candidate); n++) {
            candidate = name + n;
        }
        return candidate;
    }
}
