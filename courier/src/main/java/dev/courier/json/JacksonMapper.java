package dev.courier.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/**
 * The adapter to Jackson's {@code ObjectMapper}, used when {@code jackson-databind} is on the
 * class path. Loaded only then: nothing else in Courier refers to Jackson's classes.
 */
final class JacksonMapper implements JsonMapper {

    private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();

    @Override
    public <T> T read(byte[] json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new JsonException("cannot read JSON as " + type.getName() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new JsonException("cannot read JSON as " + type.getName() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] write(Object value) {
        try {
            return mapper.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new JsonException("cannot write " + value.getClass().getName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
