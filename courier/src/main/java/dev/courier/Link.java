package dev.courier;

import java.util.Map;

/**
 * One link from a {@code Link} header (RFC 8288), e.g. the {@code next} page of a paginated API:
 * {@code response.link("next").map(Link::url)}.
 *
 * @param url the target, resolved against the response's URL
 * @param rel the relation type(s), e.g. {@code "next"}; empty when absent
 * @param params every parameter, lower-cased names, {@code rel} included
 */
public record Link(String url, String rel, Map<String, String> params) {

    /** Copies {@code params} into an immutable map. */
    public Link {
        params = Map.copyOf(params);
    }
}
