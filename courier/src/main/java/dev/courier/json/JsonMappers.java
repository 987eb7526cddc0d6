package dev.courier.json;

import java.util.Iterator;
import java.util.ServiceLoader;

/** Chooses the {@link JsonMapper} once per JVM. */
final class JsonMappers {

    static final JsonMapper DEFAULT = choose();

    private JsonMappers() {
    }

    private static JsonMapper choose() {
        Iterator<JsonMapper> registered = ServiceLoader.load(JsonMapper.class, JsonMappers.class.getClassLoader()).iterator();
        if (registered.hasNext()) {
            return registered.next();
        }
        if (jacksonPresent()) {
            return new JacksonMapper();
        }
        return new BuiltInMapper();
    }

    static boolean jacksonPresent() {
        try {
            Class.forName("com.fasterxml.jackson.databind.ObjectMapper", false, JsonMappers.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
