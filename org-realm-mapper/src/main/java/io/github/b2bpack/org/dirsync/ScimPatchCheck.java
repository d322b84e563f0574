package io.github.b2bpack.org.dirsync;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The shape of a PatchOp (RFC 7644 section 3.5.2) checked before Keycloak 26.7.3's SCIM resource runs it: that
 * resource answers 500 to an {@code add} or {@code replace} without a value (a null check throws), to a path
 * with an unclosed filter bracket and to a missing {@code Operations} list. Each of those is an {@code
 * invalidSyntax} / {@code invalidPath} / {@code noTarget} 400 here.
 */
public final class ScimPatchCheck {

    /** Operations per request; directories send a handful (Entra ID batches up to about ten). */
    public static final int MAX_OPERATIONS = 1_000;

    private static final Set<String> OPS = Set.of("add", "replace", "remove");

    private ScimPatchCheck() {}

    /** A refusal as (scimType, detail), or empty when Keycloak may run the PatchOp. */
    public static Optional<Refusal> check(JsonNode patch) {
        JsonNode operations = patch == null ? null : patch.get("Operations");
        if (patch == null
                || !patch.isObject()
                || patch.get("schemas") == null
                || !patch.get("schemas").isArray()) {
            return refuse("invalidSyntax", "a PatchOp needs its schemas");
        }
        if (operations == null || !operations.isArray() || operations.isEmpty()) {
            return refuse("invalidSyntax", "a PatchOp needs a non-empty Operations list");
        }
        if (operations.size() > MAX_OPERATIONS) {
            return refuse("tooMany", "at most " + MAX_OPERATIONS + " operations per PatchOp");
        }
        for (JsonNode operation : operations) {
            if (!operation.isObject()) {
                return refuse("invalidSyntax", "each operation is an object");
            }
            JsonNode op = operation.get("op");
            if (op == null || !op.isTextual() || !OPS.contains(op.asText().toLowerCase(Locale.ROOT))) {
                return refuse("invalidSyntax", "op must be add, replace or remove");
            }
            JsonNode path = operation.get("path");
            if (path != null && !path.isNull() && (!path.isTextual() || !wellFormed(path.asText()))) {
                return refuse("invalidPath", "the operation's path is not a valid attribute path");
            }
            boolean hasPath = path != null && path.isTextual();
            JsonNode value = operation.get("value");
            boolean remove = op.asText().equalsIgnoreCase("remove");
            if (remove && !hasPath) {
                return refuse("noTarget", "a remove operation needs a path");
            }
            if (!remove && (value == null || value.isNull())) {
                return refuse("invalidValue", "an add or replace operation needs a value");
            }
            if (!remove && !hasPath && !value.isObject()) {
                return refuse("invalidValue", "an add or replace without a path takes an object of attributes");
            }
        }
        return Optional.empty();
    }

    /** Not blank, and a filter bracket opened after the attribute name is closed once. */
    static boolean wellFormed(String path) {
        if (path.isBlank() || path.length() > 1_000) {
            return false;
        }
        int open = path.indexOf('[');
        int close = path.lastIndexOf(']');
        if (open < 0) {
            return close < 0;
        }
        return open > 0 && close > open && path.indexOf('[', open + 1) < 0 && path.indexOf(']') == close;
    }

    private static Optional<Refusal> refuse(String scimType, String detail) {
        return Optional.of(new Refusal(scimType, detail));
    }

    /** Why a PatchOp is refused: RFC 7644's {@code scimType} and a detail for the caller. */
    public record Refusal(String scimType, String detail) {}
}
