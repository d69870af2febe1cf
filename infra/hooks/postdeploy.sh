#!/bin/sh
# azd postdeploy hook: subscribes the blob triggers to the storage account's Event Grid system topic.
#
# On Flex Consumption a blob trigger uses the Event Grid source: Event Grid pushes BlobCreated
# events to the Functions host's blob webhook. Its URL carries the `blobs_extension` system key,
# which the host creates only once the code (with its blob triggers) is deployed, and which can be
# read only with a list-keys call; the compiled template must not contain one. So Bicep creates the
# system topic, and this hook creates the two subscriptions after each deploy (idempotent: create
# is create-or-update):
#   bank-files/incoming/   -> IngestBankFile
#   bank-files/decisions/  -> ApplySuspenseDecisions
# An event still undelivered after 30 attempts or 24 hours is dead-lettered, never dropped: the
# system topic writes it, with its own system-assigned identity (Storage Blob Data Contributor on
# that container alone, see infra/modules/rbac.bicep), as a JSON blob to the `deadletter` container.
# README "Recovery" shows how to find and replay one.
set -eu

if command -v azd >/dev/null 2>&1; then
  eval "$(azd env get-values)"
fi

: "${AZURE_RESOURCE_GROUP:?run azd provision first}"
: "${AZURE_FUNCTION_APP_NAME:?run azd provision first}"
: "${AZURE_EVENTGRID_SYSTEM_TOPIC_NAME:?run azd provision first}"
: "${AZURE_STORAGE_ACCOUNT_ID:?run azd provision first}"
container="${BANK_FILES_CONTAINER:-bank-files}"
deadletter="$AZURE_STORAGE_ACCOUNT_ID/blobServices/default/containers/${AZURE_EVENTGRID_DEADLETTER_CONTAINER:-deadletter}"

host=$(az functionapp show --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
  --query defaultHostName --output tsv)

# The key appears a few seconds after the host has indexed the deployed functions.
key=""
attempt=0
while [ -z "$key" ] && [ "$attempt" -lt 20 ]; do
  key=$(az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$AZURE_FUNCTION_APP_NAME" \
    --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  if [ -z "$key" ]; then
    attempt=$((attempt + 1))
    echo "Waiting for the blobs_extension system key ($attempt/20)..."
    sleep 15
  fi
done
if [ -z "$key" ]; then
  echo "The blobs_extension system key did not appear: is the app deployed with its blob triggers?" >&2
  exit 1
fi

subscribe() {
  subscription=$1
  function_name=$2
  folder=$3
  echo "Event Grid: $container/$folder -> $function_name"
  # The key is passed in the endpoint and never printed.
  az eventgrid system-topic event-subscription create \
    --resource-group "$AZURE_RESOURCE_GROUP" \
    --system-topic-name "$AZURE_EVENTGRID_SYSTEM_TOPIC_NAME" \
    --name "$subscription" \
    --endpoint-type webhook \
    --endpoint "https://$host/runtime/webhooks/blobs?functionName=Host.Functions.$function_name&code=$key" \
    --included-event-types Microsoft.Storage.BlobCreated \
    --subject-begins-with "/blobServices/default/containers/$container/blobs/$folder" \
    --max-delivery-attempts 30 \
    --event-ttl 1440 \
    --deadletter-identity systemassigned \
    --deadletter-identity-endpoint "$deadletter" \
    --output none
}

subscribe ingest-bank-file IngestBankFile incoming/
subscribe apply-suspense-decisions ApplySuspenseDecisions decisions/
