package dev.courier.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryListingTest {

    @Test
    void escapesAScriptTagNameInTextAndLink() {
        // No POSIX file system allows '/' in a name, so this exact name is checked here, on the
        // renderer; StaticFilesTest lists real files with hostile names the file system allows.
        String name = "<script>alert(1)</script>";
        String html = DirectoryListing.render("/x/", List.of(new DirectoryListing.Entry(name, false)), false, false);
        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("href=\"./%3Cscript%3Ealert%281%29%3C%2Fscript%3E\""), html);
    }

    @Test
    void escapesQuotesAndAmpersandsSoAttributesCannotBeBrokenOutOf() {
        String name = "a\" onmouseover=\"alert(1)&'";
        String html = DirectoryListing.render("/\"t\"", List.of(new DirectoryListing.Entry(name, true)), true, false);
        assertFalse(html.contains("\" onmouseover"), html);
        assertTrue(html.contains("a&quot; onmouseover=&quot;alert(1)&amp;&#39;/"), html);
        assertTrue(html.contains("Index of /&quot;t&quot;"), html);
    }

    @Test
    void prefixesLinksSoNamesAreNeverReadAsSchemes() {
        String html = DirectoryListing.render("/", List.of(new DirectoryListing.Entry("javascript:alert(1)", false)),
                true, false);
        assertTrue(html.contains("href=\"./javascript%3Aalert%281%29\""), html);
    }

    @Test
    void saysWhenTheListIsCut() {
        String html = DirectoryListing.render("/", List.of(new DirectoryListing.Entry("a", false)), true, true);
        assertTrue(html.contains("Only the first 1 entries are listed."), html);
    }
}
