package dev.courier.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

    @Test
    void parsesEveryKindOfValueKeepingKeyOrder() {
        Object v = Json.parse(" {\"b\": [1, -2.5, 1e3, true, false, null], \"a\": \"x\\u00e9\\n\", \"c\": {}} ");
        Map<?, ?> m = assertInstanceOf(Map.class, v);
        assertEquals(List.of("b", "a", "c"), List.copyOf(m.keySet()));
        assertEquals(Arrays.asList(1L, -2.5, 1000.0, true, false, null), m.get("b"));
        assertEquals("x\u00e9\n", m.get("a"));
        assertEquals(Map.of(), m.get("c"));
    }

    @Test
    void keepsLargeIntegersAndPreciseDecimalsExact() {
        assertEquals(9223372036854775807L, Json.parse("9223372036854775807"));
        assertEquals(new BigDecimal("92233720368547758070"), Json.parse("92233720368547758070"));
        assertEquals(new BigDecimal("0.10000000000000000000001"), Json.parse("0.10000000000000000000001"));
    }

    @Test
    void writesCompactAndPrettyOutputThatParsesBack() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", "Ada \"L\"\u2028");
        m.put("n", List.of(1, 2.5, true));
        m.put("none", null);
        String compact = Json.write(m);
        assertEquals("{\"name\":\"Ada \\\"L\\\"\\u2028\",\"n\":[1,2.5,true],\"none\":null}", compact);
        String pretty = Json.writePretty(m, 4);
        assertTrue(pretty.contains("\n    \"n\": [\n        1,"), pretty);
        assertEquals(Json.parse(compact), Json.parse(pretty));
    }

    @Test
    void rejectsMalformedTextNamingTheOffset() {
        JsonException e = assertThrows(JsonException.class, () -> Json.parse("{\"a\": tru}"));
        assertTrue(e.getMessage().contains("offset 6"), e.getMessage());
        assertTrue(assertThrows(JsonException.class, () -> Json.parse("[1,]")).getMessage().contains("offset 3"));
        assertTrue(assertThrows(JsonException.class, () -> Json.parse("01")).getMessage().contains("after the JSON value"));
        assertTrue(assertThrows(JsonException.class, () -> Json.parse("\"a\tb\"")).getMessage().contains("must be escaped"));
        assertTrue(assertThrows(JsonException.class, () -> Json.parse("{\"a\":1")).getMessage().contains("end of input"));
        assertTrue(assertThrows(JsonException.class, () -> Json.parse("")).getMessage().contains("JSON ended"));
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String deep = "[".repeat(Json.DEFAULT_MAX_DEPTH + 1) + "]".repeat(Json.DEFAULT_MAX_DEPTH + 1);
        JsonException e = assertThrows(JsonException.class, () -> Json.parse(deep));
        assertTrue(e.getMessage().contains("maxDepth=" + Json.DEFAULT_MAX_DEPTH), e.getMessage());
        assertInstanceOf(List.class, Json.parse("[".repeat(50) + "]".repeat(50)));
    }

    @Test
    void refusesValuesJsonCannotHold() {
        assertThrows(JsonException.class, () -> Json.write(Double.NaN));
        JsonException e = assertThrows(JsonException.class, () -> Json.write(new Object()));
        assertTrue(e.getMessage().contains("JsonMapper"), e.getMessage());
    }

    @Test
    void builtInMapperReadsTreesAndExplainsClassBinding() {
        BuiltInMapper mapper = new BuiltInMapper();
        byte[] json = "{\"id\":7}".getBytes(StandardCharsets.UTF_8);
        assertEquals(Map.of("id", 7L), mapper.read(json, Map.class));
        assertNull(mapper.read("null".getBytes(StandardCharsets.UTF_8), Map.class));
        JsonException e = assertThrows(JsonException.class, () -> mapper.read(json, Thread.class));
        assertTrue(e.getMessage().contains("jackson-databind"), e.getMessage());
        assertTrue(assertThrows(JsonException.class, () -> mapper.read(json, List.class)).getMessage().contains("an object"));
        assertEquals("[1,\"a\"]", new String(mapper.write(List.of(1, "a")), StandardCharsets.UTF_8));
    }

    @Test
    void findsJacksonWhenItIsOnTheClassPath() {
        // jackson-databind is an optional dependency, so it is on the test class path.
        JsonMapper m = JsonMapper.find();
        assertInstanceOf(JacksonMapper.class, m);
        List<?> list = m.read("[1]".getBytes(StandardCharsets.UTF_8), List.class);
        assertEquals(1, ((Number) list.get(0)).intValue());
        JsonException e = assertThrows(JsonException.class, () -> m.read("{".getBytes(StandardCharsets.UTF_8), Map.class));
        assertTrue(e.getMessage().startsWith("cannot read JSON as java.util.Map"), e.getMessage());
    }
}
