package io.bpo.knowledge.search;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The passage of an article shown with a search hit, computed here rather than by PostgreSQL's {@code ts_headline},
 * which parses and stems the whole body again for every hit and was half of a search's database time (decision 0022).
 * <p>
 * The words to mark are the query's lexemes as PostgreSQL parsed them (French, English and unstemmed, accents
 * folded), read from the text form of the {@code tsquery}. A body word is marked when, lower-cased and without
 * accents, it starts with a lexeme of three letters or more, or equals a shorter one: a stem is the start of the
 * words it comes from ("factur" marks "facturation", "facturé", "facture"), except for the English stemmer's final
 * y → i ("qualiti" from "quality"), which is folded back. Matching is PostgreSQL's: this only decides what is marked.
 * <p>
 * The passage is the window of at most {@code maxWords} words holding the most marked words (the earliest of
 * equals), from two words before its first match, cut after its last match once it has {@code minWords}; without a
 * match, the body's first {@code maxWords} words. The result is HTML-safe: the body's text is escaped and the
 * marked words are wrapped in {@code <mark>}.
 */
final class Snippets {
    static final int MIN_WORDS = 15;
    static final int MAX_WORDS = 35;
    /** Words of context kept before the first match of the passage. */
    private static final int LEAD = 2;
    /** Words of context kept after the last match, within the window. */
    private static final int TAIL = 5;
    private static final Pattern LEXEME = Pattern.compile("'((?:[^']|'')*)'");

    private Snippets() {
    }

    /** The lexemes of a tsquery's text form ({@code 'factur' | 'facturation' & 'client':*}), accents folded. */
    static Set<String> lexemes(String tsquery) {
        Set<String> lexemes = new LinkedHashSet<>();
        if (tsquery == null) {
            return lexemes;
        }
        Matcher m = LEXEME.matcher(tsquery);
        while (m.find()) {
            String lexeme = fold(m.group(1).replace("''", "'"));
            if (!lexeme.isEmpty()) {
                lexemes.add(lexeme);
            }
        }
        return lexemes;
    }

    /** The highlighted passage of {@code body} for those lexemes (see the class comment). */
    static String snippet(String body, Set<String> lexemes) {
        if (body == null || body.isEmpty()) {
            return "";
        }
        List<int[]> words = words(body);
        if (words.isEmpty()) {
            return "";
        }
        boolean[] marked = new boolean[words.size()];
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            int[] w = words.get(i);
            if (matches(fold(body.substring(w[0], w[1])), lexemes)) {
                marked[i] = true;
                matches.add(i);
            }
        }
        int from;
        int to;
        if (matches.isEmpty()) {
            from = 0;
            to = Math.min(words.size(), MAX_WORDS);
        } else {
            int best = 0;
            int bestCount = 0;
            for (int i = 0, j = 0; i < matches.size(); i++) {
                while (j < matches.size() && matches.get(j) < matches.get(i) + MAX_WORDS - LEAD) {
                    j++;
                }
                if (j - i > bestCount) {
                    bestCount = j - i;
                    best = i;
                }
            }
            from = Math.max(0, matches.get(best) - LEAD);
            int lastMatch = matches.get(best + bestCount - 1);
            to = Math.min(words.size(), Math.min(from + MAX_WORDS, Math.max(from + MIN_WORDS, lastMatch + 1 + TAIL)));
        }
        StringBuilder out = new StringBuilder(body.length() < 512 ? body.length() + 64 : 512);
        if (from > 0) {
            out.append("...");
        } else {
            // what precedes the first word (a quote, a bullet) belongs to the passage
            escape(body, 0, words.get(0)[0], out);
        }
        for (int i = from; i < to; i++) {
            int[] w = words.get(i);
            if (i > from) {
                escape(body, words.get(i - 1)[1], w[0], out);
            }
            if (marked[i]) {
                out.append("<mark>");
                escape(body, w[0], w[1], out);
                out.append("</mark>");
            } else {
                escape(body, w[0], w[1], out);
            }
        }
        if (to < words.size()) {
            out.append("...");
        } else {
            // and so does what follows the last one (its full stop)
            escape(body, words.get(to - 1)[1], body.length(), out);
        }
        return out.toString().strip();
    }

    private static boolean matches(String word, Set<String> lexemes) {
        for (String lexeme : lexemes) {
            if (lexeme.length() < 3) {
                if (word.equals(lexeme)) {
                    return true;
                }
            } else if (word.startsWith(lexeme) || lexeme.endsWith("i")
                    && word.startsWith(lexeme.substring(0, lexeme.length() - 1) + "y")) {
                return true;
            }
        }
        return false;
    }

    /** Start and end offsets of each word: a run of letters and digits, as PostgreSQL's parser splits them. */
    private static List<int[]> words(String body) {
        List<int[]> words = new ArrayList<>();
        int i = 0;
        int n = body.length();
        while (i < n) {
            int c = body.codePointAt(i);
            if (Character.isLetterOrDigit(c)) {
                int start = i;
                while (i < n) {
                    int d = body.codePointAt(i);
                    if (!Character.isLetterOrDigit(d) && Character.getType(d) != Character.NON_SPACING_MARK) {
                        break;
                    }
                    i += Character.charCount(d);
                }
                words.add(new int[] {start, i});
            } else {
                i += Character.charCount(c);
            }
        }
        return words;
    }

    /** Folded forms of U+00C0..U+024F (Latin-1 Supplement, Latin Extended-A and -B), computed once. */
    private static final String[] LATIN = new String[0x250 - 0xC0];

    static {
        for (char c = 0xC0; c < 0x250; c++) {
            LATIN[c - 0xC0] = foldSlowly(String.valueOf(c));
        }
        // unaccent's ligatures and sharp s, which Unicode does not decompose
        for (char c : new char[] {'\u00C6', '\u00E6'}) {
            LATIN[c - 0xC0] = "ae";
        }
        for (char c : new char[] {'\u0152', '\u0153'}) {
            LATIN[c - 0xC0] = "oe";
        }
        LATIN['\u00DF' - 0xC0] = "ss";
        LATIN['\u00D8' - 0xC0] = "o";
        LATIN['\u00F8' - 0xC0] = "o";
    }

    /**
     * Lower case, accents removed: how the search configurations fold a word before stemming it (unaccent). Latin
     * letters come from a table: this runs for every word of every hit's body.
     */
    static String fold(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 128 && (c < 'A' || c > 'Z')) {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 4).append(text, 0, i);
            }
            if (c < 128) {
                out.append((char) (c + ('a' - 'A')));
            } else if (c >= 0xC0 && c < 0x250) {
                out.append(LATIN[c - 0xC0]);
            } else if (Character.isSurrogate(c)) {
                out.append(c);
            } else {
                out.append(foldSlowly(String.valueOf(c)));
            }
        }
        return out == null ? text : out.toString();
    }

    private static String foldSlowly(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            int type = Character.getType(c);
            if (type != Character.NON_SPACING_MARK && type != Character.ENCLOSING_MARK
                    && type != Character.COMBINING_SPACING_MARK) {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    private static void escape(String text, int from, int to, StringBuilder out) {
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
    }
}
