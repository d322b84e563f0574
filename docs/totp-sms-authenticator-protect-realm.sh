#!/usr/bin/env bash
# Adds the SMS second factor to every path to a token of a realm NOT made from the pack's organization
# template (docs/totp-sms-authenticator.md, "Protecting realms not made from the template"):
#   1. password grant:     copy of "direct grant" + Conditional sub-flow with direct-grant-sms-otp, bound
#   2. reset credentials:  copy of "reset credentials" + Conditional sub-flow with sms-otp-form right
#                          after the email link, bound
#   3. identity providers: flow "post broker login with sms", set as Post login flow of each IDP_ALIASES
# Needs curl and jq. Environment: KC (server URL), R (realm), TOKEN (bearer token of an admin who may
# manage the realm), IDP_ALIASES (optional, space-separated identity provider aliases).
# Run it once per realm: a second run fails on the existing copies (curl -f) and changes nothing else.
set -euo pipefail
: "${KC:?server URL}" "${R:?realm}" "${TOKEN:?admin bearer token}"
A="$KC/admin/realms/$R/authentication"
api() { curl -sSf -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' "$@"; }
enc() { jq -rn --arg s "$1" '$s|@uri'; }

# add_sms_subflow <flow> <sub-flow alias> <provider>: a Conditional sub-flow, last in <flow>, holding
# "Condition - user configured" and <provider>, both Required.
add_sms_subflow() {
  api -X POST "$A/flows/$(enc "$1")/executions/flow" \
    -d "$(jq -nc --arg a "$2" '{alias: $a, type: "basic-flow", description: "SMS second factor for users who have an SMS credential"}')"
  for provider in conditional-user-configured "$3"; do
    api -X POST "$A/flows/$(enc "$2")/executions/execution" -d "$(jq -nc --arg p "$provider" '{provider: $p}')"
  done
  api "$A/flows/$(enc "$2")/executions" | jq -c '.[] | .requirement = "REQUIRED"' |
    while read -r execution; do api -X PUT "$A/flows/$(enc "$2")/executions" -d "$execution"; done
  api "$A/flows/$(enc "$1")/executions" | jq -c --arg a "$2" '.[] | select(.displayName == $a) | .requirement = "CONDITIONAL"' |
    api -X PUT "$A/flows/$(enc "$1")/executions" -d @-
}

# 1. Password grant (every client with direct access grants, admin-cli included).
api -X POST "$A/flows/$(enc 'direct grant')/copy" -d '{"newName": "direct grant with sms"}'
add_sms_subflow 'direct grant with sms' 'direct grant with sms - SMS' direct-grant-sms-otp
api -X PUT "$KC/admin/realms/$R" -d '{"directGrantFlow": "direct grant with sms"}'

# 2. Reset credentials: the sub-flow is added last; raise it until it directly follows the email link.
api -X POST "$A/flows/$(enc 'reset credentials')/copy" -d '{"newName": "reset credentials with sms"}'
add_sms_subflow 'reset credentials with sms' 'reset credentials with sms - SMS' sms-otp-form
top_level() { api "$A/flows/$(enc 'reset credentials with sms')/executions" | jq -c '[.[] | select(.level == 0)]'; }
for _ in 1 2 3 4 5 6 7 8; do
  order=$(top_level | jq -r 'map(.providerId // .displayName) | join(",")')
  [[ "$order" == *"reset-credential-email,reset credentials with sms - SMS"* ]] && break
  id=$(top_level | jq -r '.[] | select(.displayName == "reset credentials with sms - SMS") | .id')
  api -X POST "$A/executions/$id/raise-priority"
done
[[ "$(top_level | jq -r 'map(.providerId // .displayName) | join(",")')" == *"reset-credential-email,reset credentials with sms - SMS"* ]]
api -X PUT "$KC/admin/realms/$R" -d '{"resetCredentialsFlow": "reset credentials with sms"}'

# 3. After a login through an identity provider (Keycloak binds post-login flows per provider).
api -X POST "$A/flows" -d '{"alias": "post broker login with sms", "providerId": "basic-flow", "topLevel": true, "builtIn": false}'
add_sms_subflow 'post broker login with sms' 'post broker login with sms - SMS' sms-otp-form
for idp in ${IDP_ALIASES:-}; do
  api "$KC/admin/realms/$R/identity-provider/instances/$(enc "$idp")" | jq -c '.postBrokerLoginFlowAlias = "post broker login with sms"' |
    api -X PUT "$KC/admin/realms/$R/identity-provider/instances/$(enc "$idp")" -d @-
done
echo "realm $R: direct grant, reset credentials and post broker login flows with the SMS second factor"
