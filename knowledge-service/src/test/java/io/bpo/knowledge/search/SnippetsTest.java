package io.bpo.knowledge.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The search snippets alone: which words are marked, which passage is shown, and that it is HTML-safe. */
class SnippetsTest {

    @Test
    void lexemesAreReadFromTheQueryTextFormWithQuotesPrefixesAndAccentsHandled() {
        assertEquals(Set.of("factur", "facturation", "client", "l'eau", "echeanc"),
                Snippets.lexemes("( 'factur' | 'facturation' ) & 'client':* & 'l''eau' & 'échéanc'"));
        assertTrue(Snippets.lexemes("").isEmpty());
        assertTrue(Snippets.lexemes(null).isEmpty());
    }

    @Test
    void aStemMarksEveryFormOfItsWordWithOrWithoutAccents() {
        String snippet = Snippets.snippet("Une facture facturée, puis la facturation et le FACTURÉ.", Set.of("factur"));

        assertEquals("Une <mark>facture</mark> <mark>facturée</mark>, puis la <mark>facturation</mark> et le "
                + "<mark>FACTURÉ</mark>.", snippet);
    }

    @Test
    void foldingRemovesAccentsAndSpellsOutLigaturesAsUnaccentDoes() {
        assertEquals("aeiouc echeance", Snippets.fold("ÀÉÎÕÜÇ Échéance"));
        assertEquals("coeur oeuvre aesir strasse", Snippets.fold("Cœur Œuvre Æsir Straße"));
        assertEquals("plain", Snippets.fold("plain"));
        assertEquals("Un <mark>cœur</mark> tendre", Snippets.snippet("Un cœur tendre", Snippets.lexemes("'coeur'")));
    }

    @Test
    void theEnglishStemmersFinalIStillMarksTheWordEndingInY() {
        assertEquals("Service <mark>quality</mark> and <mark>qualities</mark>",
                Snippets.snippet("Service quality and qualities", Snippets.lexemes("'qualiti'")));
    }

    @Test
    void shortLexemesMarkOnlyTheSameWord() {
        assertEquals("<mark>tv</mark> tvshow", Snippets.snippet("tv tvshow", Set.of("tv")));
    }

    @Test
    void theBodyIsEscapedAndOnlyTheMarkTagsAreHtml() {
        String snippet = Snippets.snippet("<b>Refund</b> <script>alert(\"x\")</script> & credit.", Set.of("refund"));

        assertEquals("&lt;b&gt;<mark>Refund</mark>&lt;/b&gt; &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                + "credit.", snippet);
    }

    @Test
    void thePassageIsTheWindowWithTheMostMatchesCutAroundIt() {
        // words w0..w99; one match at w10, three close together at w60, w62, w64
        String body = IntStream.range(0, 100).mapToObj(i -> i == 10 || i == 60 || i == 62 || i == 64 ? "refund" + i
                : "w" + i).collect(Collectors.joining(" "));

        String snippet = Snippets.snippet(body, Set.of("refund"));

        assertTrue(snippet.startsWith("...w58 w59 <mark>refund60</mark> w61 <mark>refund62</mark>"), snippet);
        assertFalse(snippet.contains("refund10"), snippet);
        // from two words before the first match, at least 15 words, cut a few words after the last match
        assertTrue(snippet.endsWith("w72..."), snippet);
        assertEquals(15, snippet.replace("...", "").split(" ").length);
    }

    @Test
    void aPassageNeverExceedsTheMaximumNumberOfWords() {
        String body = IntStream.range(0, 200).mapToObj(i -> "refund").collect(Collectors.joining(" "));

        String snippet = Snippets.snippet(body, Set.of("refund"));

        assertEquals(Snippets.MAX_WORDS, snippet.split("<mark>").length - 1);
    }

    @Test
    void withoutAMatchTheBodyStartIsShown() {
        String body = IntStream.range(0, 50).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));

        String snippet = Snippets.snippet(body, Set.of("refund"));

        assertTrue(snippet.startsWith("w0 w1"), snippet);
        assertTrue(snippet.endsWith("w34..."), snippet);
        assertFalse(snippet.contains("<mark>"));
    }

    @Test
    void anEmptyBodyGivesAnEmptySnippet() {
        assertEquals("", Snippets.snippet("", Set.of("refund")));
        assertEquals("", Snippets.snippet(null, Set.of("refund")));
        assertEquals("", Snippets.snippet(" -- ", Set.of("refund")));
    }
}
