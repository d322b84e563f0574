package io.github.b2bpack.org.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.keycloak.models.GroupModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.scim.protocol.request.PatchRequest;
import org.keycloak.util.JsonSerialization;

/**
 * Group members in a POST or PUT body. Keycloak 26.7.3's SCIM Group resource changes members through PATCH only
 * and answers {@code 400 "Managing members on updates are not supported"} to a POST or PUT that lists any, while
 * RFC 7644 lets a client create a group with its members and replace them with a PUT (Okta and several SCIM
 * clients do). So the members are taken out of the body, and after Keycloak has created or replaced the group they
 * are applied as the PATCH {@code add} / {@code remove} operations Keycloak does support, with its permission checks.
 */
final class ScimGroupMembers {

    /** A body without its {@code members}, and the member ids it listed (null when it had no such attribute). */
    record Split(byte[] body, Set<String> members) {}

    private ScimGroupMembers() {}

    static Split split(JsonNode body) {
        if (body == null || !body.isObject() || !body.has("members")) {
            return new Split(bytes(body), null);
        }
        ObjectNode copy = ((ObjectNode) body).deepCopy();
        JsonNode listed = copy.remove("members");
        Set<String> ids = new LinkedHashSet<>();
        if (listed != null && !listed.isNull()) {
            if (!listed.isArray()) {
                throw ScimErrors.error(400, "invalidValue", "members must be a list");
            }
            for (JsonNode member : listed) {
                JsonNode value = member.get("value");
                if (value == null || !value.isTextual() || value.asText().isBlank()) {
                    throw ScimErrors.error(400, "invalidValue", "each member needs a value (a user id)");
                }
                ids.add(value.asText());
            }
        }
        return new Split(bytes(copy), ids);
    }

    /** The operations that make the group's members exactly {@code wanted}, or null when none are needed. */
    static PatchRequest toward(KeycloakSession session, String groupId, Set<String> wanted) {
        RealmModel realm = session.getContext().getRealm();
        GroupModel group = session.groups().getGroupById(realm, groupId);
        Set<String> current = new LinkedHashSet<>();
        if (group != null) {
            session.users()
                    .getGroupMembersStream(realm, group)
                    .map(UserModel::getId)
                    .forEach(current::add);
        }
        ArrayNode operations = JsonSerialization.mapper.createArrayNode();
        List<String> removed =
                current.stream().filter(id -> !wanted.contains(id)).toList();
        List<String> added = wanted.stream().filter(id -> !current.contains(id)).toList();
        // Keycloak's remover takes the member from the path's filter (what Entra ID and Okta send), one per op.
        removed.forEach(
                id -> operations.addObject().put("op", "remove").put("path", "members[value eq \"" + id + "\"]"));
        if (!added.isEmpty()) {
            ObjectNode add = operations.addObject().put("op", "add").put("path", "members");
            ArrayNode values = add.putArray("value");
            added.forEach(id -> values.addObject().put("value", id));
        }
        if (operations.isEmpty()) {
            return null;
        }
        ObjectNode patch = JsonSerialization.mapper.createObjectNode();
        patch.putArray("schemas").add(PatchRequest.SCHEMA);
        patch.set("Operations", operations);
        try {
            return JsonSerialization.mapper.treeToValue(patch, PatchRequest.class);
        } catch (IOException e) {
            throw new IllegalStateException("a PatchOp built here is always readable", e);
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JsonSerialization.mapper.writeValueAsBytes(body);
        } catch (IOException e) {
            throw ScimErrors.error(400, "invalidSyntax", "the request body could not be read");
        }
    }
}
