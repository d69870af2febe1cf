# azd postprovision hook (Windows / PowerShell): writes functions/Billing.Functions/local.settings.json
# from the outputs of infra/main.bicep. Same content as postprovision.sh: identity-based with the
# developer's own sign-in, no key, no connection string, no telemetry, SENDGRID_API_KEY left empty.
$ErrorActionPreference = 'Stop'

$repoRoot = Resolve-Path (Join-Path $PSScriptRoot '..' '..')
$target = Join-Path $repoRoot 'functions/Billing.Functions/local.settings.json'

# Read the environment's values (also works when the script is run by hand).
$values = @{}
foreach ($line in (azd env get-values)) {
    if ($line -match '^([A-Za-z_][A-Za-z0-9_]*)="?(.*?)"?$') { $values[$Matches[1]] = $Matches[2] }
}
function Get-Value([string] $name, [string] $default = '') {
    if ($values.ContainsKey($name) -and $values[$name] -ne '') { return $values[$name] }
    return $default
}
if (-not (Get-Value 'AZURE_STORAGE_ACCOUNT_NAME')) { throw 'AZURE_STORAGE_ACCOUNT_NAME is not set: run azd provision first.' }

$settings = [ordered]@{
    FUNCTIONS_WORKER_RUNTIME                  = 'dotnet-isolated'
    AzureWebJobsStorage__accountName          = Get-Value 'AZURE_STORAGE_ACCOUNT_NAME'
    AzureWebJobsStorage__blobServiceUri       = Get-Value 'AZURE_STORAGE_BLOB_ENDPOINT'
    AzureWebJobsStorage__queueServiceUri      = Get-Value 'AZURE_STORAGE_QUEUE_ENDPOINT'
    BILLING_SCHEDULE                          = Get-Value 'BILLING_SCHEDULE' '0 0 5 * * *'
    DUNNING_SCHEDULE                          = Get-Value 'DUNNING_SCHEDULE' '0 0 7 * * *'
    REPORTS_SCHEDULE                          = Get-Value 'REPORTS_SCHEDULE' '0 30 6 * * *'
    BILL_ACCOUNT_QUEUE                        = Get-Value 'BILL_ACCOUNT_QUEUE' 'bill-account'
    SEND_INVOICE_QUEUE                        = Get-Value 'SEND_INVOICE_QUEUE' 'send-invoice'
    DUNNING_NOTICE_QUEUE                      = Get-Value 'DUNNING_NOTICE_QUEUE' 'dunning-notice'
    BANK_FILES_CONTAINER                      = Get-Value 'BANK_FILES_CONTAINER' 'bank-files'
    BANK_ARCHIVE_CONTAINER                    = Get-Value 'BANK_ARCHIVE_CONTAINER' 'bank-archive'
    INVOICES_CONTAINER                        = Get-Value 'INVOICES_CONTAINER' 'invoices'
    REPORTS_CONTAINER                         = Get-Value 'REPORTS_CONTAINER' 'reports'
    COSMOS__accountEndpoint                   = Get-Value 'COSMOS_ACCOUNT_ENDPOINT'
    COSMOS_DATABASE                           = Get-Value 'COSMOS_DATABASE' 'billing'
    SERVICEBUS__fullyQualifiedNamespace       = Get-Value 'SERVICEBUS_FULLY_QUALIFIED_NAMESPACE'
    SERVICEBUS_TOPIC                          = Get-Value 'SERVICEBUS_TOPIC' 'billing-events'
    SENDGRID_API_KEY                          = ''
    SENDGRID_FROM_EMAIL                       = Get-Value 'SENDGRID_FROM_EMAIL_EFFECTIVE'
    SENDGRID_FROM_NAME                        = Get-Value 'SENDGRID_FROM_NAME_EFFECTIVE'
    DUNNING_MAX_BANK_FILE_AGE                 = Get-Value 'DUNNING_MAX_BANK_FILE_AGE' '3'
    Seller__LegalName                         = Get-Value 'SELLER_LEGAL_NAME'
    Seller__VatId                             = Get-Value 'SELLER_VAT_ID'
    Seller__Street                            = Get-Value 'SELLER_STREET'
    Seller__City                              = Get-Value 'SELLER_CITY'
    Seller__PostalCode                        = Get-Value 'SELLER_POSTAL_CODE'
    Seller__CountryCode                       = Get-Value 'SELLER_COUNTRY_CODE'
    Seller__Email                             = Get-Value 'SELLER_EMAIL'
    Seller__Iban                              = Get-Value 'SELLER_IBAN'
    Seller__Bic                               = Get-Value 'SELLER_BIC'
    Seller__DomesticVatRate                   = Get-Value 'SELLER_DOMESTIC_VAT_RATE'
    Seller__InvoiceSeriesPrefix               = Get-Value 'SELLER_INVOICE_SERIES_PREFIX' 'INV'
    BILLING_BACKEND                           = 'azure'
}

[ordered]@{ IsEncrypted = $false; Values = $settings } |
    ConvertTo-Json -Depth 3 |
    Set-Content -Path $target -Encoding utf8

Write-Host "Wrote $target (identity-based; sign in with 'az login' or 'azd auth login' to run locally)."
