package dev.courier.testing;

/** The sample documents behind /html, /json, /xml and /encoding/utf8, written for Courier. */
final class SampleDocuments {

    private SampleDocuments() {
    }

    static final String HTML = "<!DOCTYPE html>\n<html>\n  <head>\n    <title>Courier sample page</title>\n  </head>\n"
            + "  <body>\n    <h1>The lighthouse keeper</h1>\n"
            + "    <p>Every evening the keeper climbed the one hundred and twelve steps, trimmed the wick and"
            + " watched the lamp turn until the ships were safe in the bay.</p>\n  </body>\n</html>\n";

    static final String JSON = "{\n  \"slideshow\": {\n    \"author\": \"Courier\",\n    \"date\": \"2026-01-01\",\n"
            + "    \"slides\": [\n      {\n        \"title\": \"Send a request\",\n        \"type\": \"all\"\n      },\n"
            + "      {\n        \"items\": [\n          \"Read the status\",\n          \"Read the body\"\n        ],\n"
            + "        \"title\": \"Read the response\",\n        \"type\": \"all\"\n      }\n    ],\n"
            + "    \"title\": \"HTTP in two slides\"\n  }\n}\n";

    static final String XML = "<?xml version='1.0' encoding='us-ascii'?>\n\n"
            + "<slideshow title=\"HTTP in two slides\" date=\"2026-01-01\" author=\"Courier\">\n"
            + "    <slide type=\"all\">\n      <title>Send a request</title>\n    </slide>\n"
            + "    <slide type=\"all\">\n        <title>Read the response</title>\n"
            + "        <item>Read the status</item>\n        <item>Read the body</item>\n    </slide>\n"
            + "</slideshow>\n";

    static final String UTF8 = "<h1>UTF-8 sample</h1>\n<pre>\n"
            + "Latin:      déjà vu, naïve, Ærøskøbing, Łódź\n"
            + "Greek:      Καλημέρα κόσμε\n"
            + "Cyrillic:   Здравствуй, мир\n"
            + "Hebrew:     שלום עולם\n"
            + "Arabic:     مرحبا بالعالم\n"
            + "Devanagari: नमस्ते दुनिया\n"
            + "CJK:        你好，世界 こんにちは世界 안녕하세요\n"
            + "Math:       ∀x ∈ ℝ: x² ≥ 0, ∑ 1/n² = π²/6\n"
            + "Symbols:    € £ ¥ ₹ ✓ ☃ ♞ →\n"
            + "Astral:     𝄞 😀 🚀\n"
            + "</pre>\n";
}
