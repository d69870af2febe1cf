#!/bin/sh
# azd postprovision hook: writes functions/Billing.Functions/local.settings.json from the outputs
# of infra/main.bicep, so `func start` (or the IDE) runs the app against the provisioned resources.
#
# Identity-based, like the deployed app, but with the developer's own sign-in
# (DefaultAzureCredential: azd/az/VS login) instead of a managed identity: no `__credential` and
# no `__clientId`, because a laptop has no managed identity. No key, no connection string.
# Telemetry is not sent from a laptop (App Insights accepts only Entra-authenticated senders with
# the Monitoring Metrics Publisher role). SENDGRID_API_KEY stays empty (the key lives only in
# Key Vault): mail fails until you fill it in for a session; the file is git-ignored.
set -eu

repo_root=$(CDPATH= cd -- "$(dirname -- "$0")/../.." && pwd)
target="$repo_root/functions/Billing.Functions/local.settings.json"

# azd passes the environment's values to hooks as environment variables; read them again from
# `azd env get-values` so the script also works when run by hand.
if command -v azd >/dev/null 2>&1; then
  eval "$(azd env get-values)"
fi

: "${AZURE_STORAGE_ACCOUNT_NAME:?run azd provision first}"

# JSON-escape a value (backslash and double quote; the values here are names, URLs and schedules).
json() {
  printf '%s' "$1" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g'
}

setting() {
  printf '    "%s": "%s",\n' "$1" "$(json "$2")"
}

{
  printf '{\n  "IsEncrypted": false,\n  "Values": {\n'
  setting FUNCTIONS_WORKER_RUNTIME "dotnet-isolated"
  setting AzureWebJobsStorage__accountName "$AZURE_STORAGE_ACCOUNT_NAME"
  setting AzureWebJobsStorage__blobServiceUri "$AZURE_STORAGE_BLOB_ENDPOINT"
  setting AzureWebJobsStorage__queueServiceUri "$AZURE_STORAGE_QUEUE_ENDPOINT"
  setting BILLING_SCHEDULE "${BILLING_SCHEDULE:-0 0 5 * * *}"
  setting DUNNING_SCHEDULE "${DUNNING_SCHEDULE:-0 0 7 * * *}"
  setting REPORTS_SCHEDULE "${REPORTS_SCHEDULE:-0 30 6 * * *}"
  setting EVENTS_RELAY_SCHEDULE "${EVENTS_RELAY_SCHEDULE:-0 */1 * * * *}"
  setting BILL_ACCOUNT_QUEUE "${BILL_ACCOUNT_QUEUE:-bill-account}"
  setting SEND_INVOICE_QUEUE "${SEND_INVOICE_QUEUE:-send-invoice}"
  setting DUNNING_NOTICE_QUEUE "${DUNNING_NOTICE_QUEUE:-dunning-notice}"
  setting SCHEDULE_BILLING_PAGE_QUEUE "${SCHEDULE_BILLING_PAGE_QUEUE:-schedule-billing-page}"
  setting SCHEDULE_DUNNING_PAGE_QUEUE "${SCHEDULE_DUNNING_PAGE_QUEUE:-schedule-dunning-page}"
  setting BANK_FILES_CONTAINER "${BANK_FILES_CONTAINER:-bank-files}"
  setting BANK_ARCHIVE_CONTAINER "${BANK_ARCHIVE_CONTAINER:-bank-archive}"
  setting INVOICES_CONTAINER "${INVOICES_CONTAINER:-invoices}"
  setting REPORTS_CONTAINER "${REPORTS_CONTAINER:-reports}"
  setting COSMOS__accountEndpoint "$COSMOS_ACCOUNT_ENDPOINT"
  setting COSMOS_DATABASE "${COSMOS_DATABASE:-billing}"
  setting SERVICEBUS__fullyQualifiedNamespace "$SERVICEBUS_FULLY_QUALIFIED_NAMESPACE"
  setting SERVICEBUS_TOPIC "${SERVICEBUS_TOPIC:-billing-events}"
  setting SENDGRID_API_KEY ""
  setting SENDGRID_FROM_EMAIL "${SENDGRID_FROM_EMAIL_EFFECTIVE:-}"
  setting SENDGRID_FROM_NAME "${SENDGRID_FROM_NAME_EFFECTIVE:-}"
  setting DUNNING_MAX_BANK_FILE_AGE "${DUNNING_MAX_BANK_FILE_AGE:-3}"
  setting Seller__LegalName "${SELLER_LEGAL_NAME:-}"
  setting Seller__VatId "${SELLER_VAT_ID:-}"
  setting Seller__Street "${SELLER_STREET:-}"
  setting Seller__City "${SELLER_CITY:-}"
  setting Seller__PostalCode "${SELLER_POSTAL_CODE:-}"
  setting Seller__CountryCode "${SELLER_COUNTRY_CODE:-}"
  setting Seller__Email "${SELLER_EMAIL:-}"
  setting Seller__Iban "${SELLER_IBAN:-}"
  setting Seller__Bic "${SELLER_BIC:-}"
  setting Seller__DomesticVatRate "${SELLER_DOMESTIC_VAT_RATE:-}"
  setting Seller__InvoiceSeriesPrefix "${SELLER_INVOICE_SERIES_PREFIX:-INV}"
  printf '    "BILLING_BACKEND": "azure"\n  }\n}\n'
} > "$target.tmp"
mv "$target.tmp" "$target"

echo "Wrote $target (identity-based; sign in with 'az login' or 'azd auth login' to run locally)."
