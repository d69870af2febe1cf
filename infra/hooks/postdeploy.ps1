# azd postdeploy hook (Windows / PowerShell): subscribes the blob triggers to the storage account's
# Event Grid system topic. See postdeploy.sh for why this is a hook and not Bicep: the webhook URL
# needs the `blobs_extension` system key, which exists only after the code is deployed.
#   bank-files/incoming/   -> IngestBankFile
#   bank-files/decisions/  -> ApplySuspenseDecisions
# Undeliverable events are dead-lettered (system topic identity) to the `deadletter` container.
$ErrorActionPreference = 'Stop'

$values = @{}
foreach ($line in (azd env get-values)) {
    if ($line -match '^([A-Za-z_][A-Za-z0-9_]*)="?(.*?)"?$') { $values[$Matches[1]] = $Matches[2] }
}
foreach ($name in 'AZURE_RESOURCE_GROUP', 'AZURE_FUNCTION_APP_NAME', 'AZURE_EVENTGRID_SYSTEM_TOPIC_NAME', 'AZURE_STORAGE_ACCOUNT_ID') {
    if (-not $values[$name]) { throw "$name is not set: run azd provision first." }
}
$resourceGroup = $values['AZURE_RESOURCE_GROUP']
$appName = $values['AZURE_FUNCTION_APP_NAME']
$topic = $values['AZURE_EVENTGRID_SYSTEM_TOPIC_NAME']
$container = if ($values['BANK_FILES_CONTAINER']) { $values['BANK_FILES_CONTAINER'] } else { 'bank-files' }
$deadLetterContainer = if ($values['AZURE_EVENTGRID_DEADLETTER_CONTAINER']) { $values['AZURE_EVENTGRID_DEADLETTER_CONTAINER'] } else { 'deadletter' }
$deadLetter = "$($values['AZURE_STORAGE_ACCOUNT_ID'])/blobServices/default/containers/$deadLetterContainer"

$hostName = az functionapp show --resource-group $resourceGroup --name $appName --query defaultHostName --output tsv
if ($LASTEXITCODE -ne 0) { throw "Cannot read the function app $appName." }

# The key appears a few seconds after the host has indexed the deployed functions.
$key = ''
for ($attempt = 1; $attempt -le 20 -and -not $key; $attempt++) {
    $key = az functionapp keys list --resource-group $resourceGroup --name $appName --query 'systemKeys.blobs_extension' --output tsv 2>$null
    if (-not $key) {
        Write-Host "Waiting for the blobs_extension system key ($attempt/20)..."
        Start-Sleep -Seconds 15
    }
}
if (-not $key) { throw 'The blobs_extension system key did not appear: is the app deployed with its blob triggers?' }

function Add-BlobSubscription([string] $subscription, [string] $functionName, [string] $folder) {
    Write-Host "Event Grid: $container/$folder -> $functionName"
    $endpoint = "https://$hostName/runtime/webhooks/blobs?functionName=Host.Functions.$functionName&code=$key"
    # On Windows `az` is a .cmd script: an unquoted '&' would end the command there.
    if ($IsWindows -or $env:OS -eq 'Windows_NT') { $endpoint = '"' + $endpoint + '"' }
    az eventgrid system-topic event-subscription create `
        --resource-group $resourceGroup `
        --system-topic-name $topic `
        --name $subscription `
        --endpoint-type webhook `
        --endpoint $endpoint `
        --included-event-types Microsoft.Storage.BlobCreated `
        --subject-begins-with "/blobServices/default/containers/$container/blobs/$folder" `
        --max-delivery-attempts 30 `
        --event-ttl 1440 `
        --deadletter-identity systemassigned `
        --deadletter-identity-endpoint $deadLetter `
        --output none
    if ($LASTEXITCODE -ne 0) { throw "Creating the Event Grid subscription $subscription failed." }
}

Add-BlobSubscription 'ingest-bank-file' 'IngestBankFile' 'incoming/'
Add-BlobSubscription 'apply-suspense-decisions' 'ApplySuspenseDecisions' 'decisions/'
