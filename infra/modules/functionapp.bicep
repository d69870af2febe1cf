// The Functions app on the Flex Consumption plan (Linux, scale to zero, per-execution billing),
// running .NET 10 in the isolated worker model as its user-assigned managed identity.
//
// App settings are given inline in siteConfig.appSettings, one literal name each, so the compiled
// template shows every setting the code reads (tests/Billing.Infra.Tests checks them). Every
// connection is identity-based: `<Connection>__credential = managedidentity` plus
// `<Connection>__clientId` beside each `__accountName` / `__accountEndpoint` /
// `__fullyQualifiedNamespace`; there is no key or connection string among them. The one secret,
// SENDGRID_API_KEY, is a Key Vault reference resolved with the same identity.
// Flex Consumption rejects FUNCTIONS_WORKER_RUNTIME / FUNCTIONS_EXTENSION_VERSION / WEBSITE_RUN_FROM_PACKAGE:
// the runtime and the package location live in functionAppConfig instead.
import { sellerType } from 'types.bicep'

@description('Required. Globally unique name of the function app.')
param name string

@description('Required. Name of the Flex Consumption plan.')
param planName string

@description('Required. Azure region of the plan and the app (must offer Flex Consumption).')
param location string

@description('Optional. Tags applied to the plan.')
param tags object = {}

@description('Required. azd service name from azure.yaml; the app is tagged `azd-service-name` with it so `azd deploy` finds it.')
param serviceName string

@description('Required. Resource id of the user-assigned managed identity the app runs as.')
param identityResourceId string

@description('Required. Client id of that identity (for `*__clientId`, AZURE_CLIENT_ID and the App Insights authentication string).')
param identityClientId string

@description('Required. Name of the storage account used as AzureWebJobsStorage and for the app\'s blobs and queues.')
param storageAccountName string

@description('Required. Blob endpoint of that account (https://<account>.blob.<suffix>/).')
param storageBlobEndpoint string

@description('Required. Queue endpoint of that account (https://<account>.queue.<suffix>/).')
param storageQueueEndpoint string

@description('Required. Blob container Flex Consumption deploys the app package into.')
param deploymentContainerName string

@description('Required. Application Insights connection string.')
param applicationInsightsConnectionString string

@description('Required. Cosmos DB document endpoint.')
param cosmosEndpoint string

@description('Required. Cosmos DB database name.')
param cosmosDatabaseName string

@description('Required. Fully qualified Service Bus namespace (<name>.servicebus.windows.net).')
param serviceBusFullyQualifiedNamespace string

@description('Required. Service Bus topic for integration events.')
param serviceBusTopicName string

@description('Required. Versionless Key Vault secret URI of the SendGrid API key.')
param sendGridSecretUri string

@description('Required. Sender address of every email (must be a verified SendGrid sender).')
param sendGridFromEmail string

@description('Required. Display name of the sender of every email.')
param sendGridFromName string

@description('Required. The invoicing company, written into the `Seller__*` settings.')
param seller sellerType

@description('Required. NCRONTAB schedule of invoice generation (BILLING_SCHEDULE).')
param billingSchedule string

@description('Required. NCRONTAB schedule of dunning (DUNNING_SCHEDULE).')
param dunningSchedule string

@description('Required. NCRONTAB schedule of report snapshots (REPORTS_SCHEDULE).')
param reportsSchedule string

@description('Required. NCRONTAB schedule of the outbox relay (EVENTS_RELAY_SCHEDULE).')
param eventsRelaySchedule string

@description('Required. Storage queue of per-account billing work (BILL_ACCOUNT_QUEUE).')
param billAccountQueueName string

@description('Required. Storage queue of invoices to email (SEND_INVOICE_QUEUE).')
param sendInvoiceQueueName string

@description('Required. Storage queue of dunning notices to send (DUNNING_NOTICE_QUEUE).')
param dunningNoticeQueueName string

@description('Required. Storage queue of the billing fan-out\'s next pages (SCHEDULE_BILLING_PAGE_QUEUE).')
param scheduleBillingPageQueueName string

@description('Required. Storage queue of the dunning fan-out\'s next pages (SCHEDULE_DUNNING_PAGE_QUEUE).')
param scheduleDunningPageQueueName string

@description('Required. Blob container of bank files (BANK_FILES_CONTAINER).')
param bankFilesContainerName string

@description('Required. Blob container (WORM) that keeps processed bank files and their ingestion reports under processed/ (BANK_ARCHIVE_CONTAINER).')
param bankArchiveContainerName string

@description('Required. Blob container of rendered invoices (INVOICES_CONTAINER).')
param invoicesContainerName string

@description('Required. Blob container of report snapshots (REPORTS_CONTAINER).')
param reportsContainerName string

@description('Required. Dunning pauses when the newest bank file is older than this many days (DUNNING_MAX_BANK_FILE_AGE), so nobody is chased for a payment that is merely not yet imported.')
@minValue(1)
param dunningMaxBankFileAgeDays int

@description('Optional. Runtime version of dotnet-isolated on Flex Consumption.')
param dotnetVersion string = '10.0'

@description('Optional. Memory of each instance in MB (Flex Consumption offers 512, 2048 and 4096).')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Optional. Upper bound of instances the app scales out to; caps cost and the load on Cosmos DB and SendGrid.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 40

@description('Optional. Resource id of the subnet (delegated to Microsoft.App/environments) for VNet integration; null for none.')
param virtualNetworkSubnetId string?

var identityBased = 'managedidentity'

resource plan 'Microsoft.Web/serverfarms@2024-11-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    reserved: true // Linux
  }
}

resource app 'Microsoft.Web/sites@2024-11-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': serviceName })
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityResourceId}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientCertEnabled: false
    keyVaultReferenceIdentity: identityResourceId
    virtualNetworkSubnetId: virtualNetworkSubnetId
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storageBlobEndpoint}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityResourceId
          }
        }
      }
      runtime: {
        name: 'dotnet-isolated'
        version: dotnetVersion
      }
      scaleAndConcurrency: {
        instanceMemoryMB: instanceMemoryMB
        maximumInstanceCount: maximumInstanceCount
      }
    }
    siteConfig: {
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      appSettings: [
        // Host storage (AzureWebJobsStorage): also the default connection of the queue and blob
        // triggers; blobServiceUri/queueServiceUri are read by the app's own SDK clients.
        { name: 'AzureWebJobsStorage__accountName', value: storageAccountName }
        { name: 'AzureWebJobsStorage__blobServiceUri', value: storageBlobEndpoint }
        { name: 'AzureWebJobsStorage__queueServiceUri', value: storageQueueEndpoint }
        { name: 'AzureWebJobsStorage__credential', value: identityBased }
        { name: 'AzureWebJobsStorage__clientId', value: identityClientId }

        // Schedules (NCRONTAB, six fields, UTC unless WEBSITE_TIME_ZONE says otherwise).
        { name: 'BILLING_SCHEDULE', value: billingSchedule }
        { name: 'DUNNING_SCHEDULE', value: dunningSchedule }
        { name: 'REPORTS_SCHEDULE', value: reportsSchedule }
        { name: 'EVENTS_RELAY_SCHEDULE', value: eventsRelaySchedule }

        // Work queues (the host adds `-poison` for messages that fail five times).
        { name: 'BILL_ACCOUNT_QUEUE', value: billAccountQueueName }
        { name: 'SEND_INVOICE_QUEUE', value: sendInvoiceQueueName }
        { name: 'DUNNING_NOTICE_QUEUE', value: dunningNoticeQueueName }
        { name: 'SCHEDULE_BILLING_PAGE_QUEUE', value: scheduleBillingPageQueueName }
        { name: 'SCHEDULE_DUNNING_PAGE_QUEUE', value: scheduleDunningPageQueueName }

        // Blob containers.
        { name: 'BANK_FILES_CONTAINER', value: bankFilesContainerName }
        { name: 'BANK_ARCHIVE_CONTAINER', value: bankArchiveContainerName }
        { name: 'INVOICES_CONTAINER', value: invoicesContainerName }
        { name: 'REPORTS_CONTAINER', value: reportsContainerName }

        // Cosmos DB (data-plane RBAC; the account has keys disabled).
        { name: 'COSMOS__accountEndpoint', value: cosmosEndpoint }
        { name: 'COSMOS__credential', value: identityBased }
        { name: 'COSMOS__clientId', value: identityClientId }
        { name: 'COSMOS_DATABASE', value: cosmosDatabaseName }

        // Service Bus (integration events out).
        { name: 'SERVICEBUS__fullyQualifiedNamespace', value: serviceBusFullyQualifiedNamespace }
        { name: 'SERVICEBUS__credential', value: identityBased }
        { name: 'SERVICEBUS__clientId', value: identityClientId }
        { name: 'SERVICEBUS_TOPIC', value: serviceBusTopicName }

        // SendGrid: the only secret, resolved from Key Vault with keyVaultReferenceIdentity.
        { name: 'SENDGRID_API_KEY', value: '@Microsoft.KeyVault(SecretUri=${sendGridSecretUri})' }
        { name: 'SENDGRID_FROM_EMAIL', value: sendGridFromEmail }
        { name: 'SENDGRID_FROM_NAME', value: sendGridFromName }

        { name: 'DUNNING_MAX_BANK_FILE_AGE', value: string(dunningMaxBankFileAgeDays) }
        { name: 'DUNNING_REQUIRE_BANK_FILE', value: 'true' }
        { name: 'DUNNING_GROUP_PER_ACCOUNT', value: 'true' }

        // DefaultAzureCredential picks the user-assigned identity through this.
        { name: 'AZURE_CLIENT_ID', value: identityClientId }

        // Telemetry: App Insights has local auth off, so it authenticates with the identity.
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identityClientId};Authorization=AAD' }

        // The invoicing company (bound to the Seller options section).
        { name: 'Seller__LegalName', value: seller.LegalName }
        { name: 'Seller__VatId', value: seller.VatId }
        { name: 'Seller__Street', value: seller.Street }
        { name: 'Seller__City', value: seller.City }
        { name: 'Seller__PostalCode', value: seller.PostalCode }
        { name: 'Seller__CountryCode', value: seller.CountryCode }
        { name: 'Seller__Email', value: seller.Email }
        { name: 'Seller__Iban', value: seller.Iban }
        { name: 'Seller__Bic', value: seller.Bic }
        { name: 'Seller__DomesticVatRate', value: seller.DomesticVatRate }
        { name: 'Seller__InvoiceSeriesPrefix', value: seller.InvoiceSeriesPrefix }

        // Selects the Azure adapters (Billing.Azure) rather than the embedded local ones.
        { name: 'BILLING_BACKEND', value: 'azure' }
      ]
    }
  }

  // No publishing with user names and passwords: `azd deploy` uses Entra ID (OneDeploy).
  resource ftpPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: {
      allow: false
    }
  }

  resource scmPublishing 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: {
      allow: false
    }
  }
}

@description('Name of the function app.')
output name string = app.name

@description('Default host name of the function app.')
output defaultHostName string = app.properties.defaultHostName

@description('Resource id of the function app.')
output resourceId string = app.id
