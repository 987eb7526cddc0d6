package dev.courier.json;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * The mapper used when no other is available: reads into Map/List/String/Number/Boolean and
 * writes those back, and says how to get class binding when asked for it.
 */
final class BuiltInMapper implements JsonMapper {

    @Override
    public <T> T read(byte[] json, Class<T> type) {
        Object v = Json.parse(json);
        if (type == Object.class || type.isInstance(v) || v == null) {
            return type.cast(v);
        }
        if (Number.class.isAssignableFrom(type) || type == Map.class || type == List.class
                || type == String.class || type == Boolean.class) {
            throw new JsonException("JSON holds " + kind(v) + ", not " + type.getSimpleName());
        }
        throw new JsonException("reading JSON into " + type.getName() + " needs a JSON mapper: add"
                + " com.fasterxml.jackson.core:jackson-databind to the class path (Courier finds it), register a"
                + " dev.courier.json.JsonMapper service, or read it as Map.class");
    }

    @Override
    public byte[] write(Object value) {
        return Json.write(value).getBytes(StandardCharsets.UTF_8);
    }

    private static String kind(Object v) {
        if (v instanceof Map) {
            return "an object";
        }
        if (v instanceof List) {
            return "an array";
        }
        return "a " + v.getClass().getSimpleName();
    }
}
