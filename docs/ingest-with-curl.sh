#!/usr/bin/env bash
# Reporting to Keel with nothing but curl: a deployment with the commits it shipped, an incident
# (opened, then resolved), and a CI build with its JUnit report. Then everything is sent a second
# time, as a retried pipeline would: the deployment and the build answer "unchanged", the JUnit
# report replaces itself rather than being counted twice, and the incident, sent open then
# resolved again, is updated twice (the latest state sent always wins) and ends resolved as before.
#
#   KEEL_URL=http://localhost:3000 KEEL_TOKEN=<token with the ingest scope> bash docs/ingest-with-curl.sh
#
# Create a token with: pnpm keel token create --name ci --scope ingest
# Every endpoint and field: $KEEL_URL/api/v1/openapi.json.
set -euo pipefail

KEEL_URL="${KEEL_URL:-http://localhost:3000}"
KEEL_URL="${KEEL_URL%/}"
: "${KEEL_TOKEN:?set KEEL_TOKEN to an API token with the ingest scope}"
JUNIT_FILE="${JUNIT_FILE:-$(cd "$(dirname "$0")/.." && pwd)/test/fixtures/junit/pytest.xml}"

# One call: print the answer; on an error status, print Keel's JSON error and stop (curl exits 22).
call() {
  curl --silent --show-error --fail-with-body \
    --header "Authorization: Bearer ${KEEL_TOKEN}" \
    "$@"
  echo
}

# POST a JSON body to a path under /api/v1.
post_json() {
  call --header "Content-Type: application/json" --data-binary "$2" "${KEEL_URL}/api/v1$1"
}

# Fixed ids and times: an identical event sent again is recognised and changes nothing.
send_everything() {
  printf 'deployment: '
  post_json /deployments '{
    "id": "curl-demo-deploy-1",
    "service": "checkout",
    "environment": "production",
    "status": "success",
    "startedAt": "2026-11-20T14:00:00Z",
    "finishedAt": "2026-11-20T14:03:00Z",
    "commitSha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
    "repository": "acme/checkout",
    "commits": [
      { "sha": "a1b2c3d4e5f60718293a4b5c6d7e8f9012345678", "committedAt": "2026-11-19T16:20:00Z", "message": "fix: round totals (#41)", "prNumber": 41 },
      { "sha": "9fceb02d0ae598e95dc970b74767f19372d61af8", "committedAt": "2026-11-20T09:12:00Z", "message": "feat: gift cards (#42)", "prNumber": 42 }
    ]
  }'

  printf 'incident opened: '
  post_json /incidents '{ "id": "curl-demo-incident-1", "service": "checkout", "severity": "sev2", "title": "Checkout errors", "openedAt": "2026-11-20T15:00:00Z" }'

  printf 'incident resolved: '
  post_json /incidents '{ "id": "curl-demo-incident-1", "service": "checkout", "severity": "sev2", "title": "Checkout errors", "openedAt": "2026-11-20T15:00:00Z", "resolvedAt": "2026-11-20T15:40:00Z", "causedByDeploymentId": "curl-demo-deploy-1" }'

  printf 'build: '
  post_json /builds '{
    "id": "curl-demo-build-1",
    "pipeline": "ci",
    "service": "checkout",
    "repository": "acme/checkout",
    "commitSha": "9fceb02d0ae598e95dc970b74767f19372d61af8",
    "branch": "main",
    "status": "success",
    "startedAt": "2026-11-20T13:50:00Z",
    "finishedAt": "2026-11-20T13:58:00Z"
  }'

  # The build must exist first. The same report name again replaces that report's results.
  printf 'junit report: '
  call --header "Content-Type: application/xml" --data-binary "@${JUNIT_FILE}" \
    "${KEEL_URL}/api/v1/builds/curl-demo-build-1/junit?report=unit"
}

echo "== First pass: created, then the incident updated when it is resolved"
send_everything
echo
echo "== Second pass: the same again; unchanged, but the incident is reopened then resolved again"
send_everything
