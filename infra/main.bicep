// BillingFunctions: everything `azd up` provisions, at subscription scope.
//
//   resource group rg-<env>
//   ├─ user-assigned identity ─────────── the app runs as it; every connection uses it
//   ├─ Flex Consumption plan + function app (dotnet-isolated 10.0)
//   ├─ storage account (keys off) ──────── host storage, bank-files/invoices/reports, work queues,
//   │    │                                 versioning + change feed + soft delete; invoices and
//   │    │                                 bank-archive are WORM (time-based retention, unlocked)
//   │    └─ Event Grid system topic        blob events (subscriptions: infra/hooks/postdeploy.*),
//   │                                      undeliverable ones dead-lettered to `deadletter`
//   ├─ Cosmos DB for NoSQL (keys off) ─── database billing: billing, bankfiles, reports, sequences;
//   │                                      continuous backup (point-in-time restore)
//   ├─ Service Bus (SAS off) ──────────── topic billing-events (duplicate detection)
//   ├─ Key Vault (RBAC, purge protection)  the SendGrid API key, the only secret
//   ├─ Log Analytics + Application Insights (local auth off)
//   ├─ role assignments (modules/rbac.bicep)
//   └─ optional: VNet, private endpoints, private DNS zones (vnetEnabled)
//
// Only local modules (infra/modules): registry modules cannot be restored where this is built.
targetScope = 'subscription'

import { sellerType, cosmosCapacityModeType } from 'modules/types.bicep'

// ---- Parameters -------------------------------------------------------------------------------

@description('Required. Name of the azd environment; names the resource group and seeds the resource token.')
@minLength(1)
@maxLength(64)
param environmentName string

@description('Required. Azure region of every resource. It must offer the Flex Consumption plan (`az functionapp list-flexconsumption-locations`).')
@minLength(1)
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Optional. Object id of the person or pipeline running azd (AZURE_PRINCIPAL_ID). Gets data access to run the app locally and to operate it; empty for none.')
param principalId string = ''

@description('Optional. Kind of principalId: User for a person, ServicePrincipal for a CI pipeline.')
@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

@description('Optional. Private networking: VNet integration of the app and private endpoints (with private DNS) for storage, Cosmos DB, Service Bus and Key Vault; their public access is then disabled. Service Bus becomes Premium, since only Premium has private endpoints.')
param vnetEnabled bool = false

@description('Required. The invoicing company, printed on every invoice. Each property becomes an app setting `Seller__<Property>` (azd fills it from the SELLER_* environment values, see main.parameters.json).')
param seller sellerType

@description('Optional. SendGrid API key, stored in Key Vault. Empty: no secret is written and an existing one is left untouched (set it later with `az keyvault secret set`).')
@secure()
param sendGridApiKey string = ''

@description('Optional. Sender address of every email (a verified SendGrid sender). Empty: the seller\'s email.')
param sendGridFromEmail string = ''

@description('Optional. Display name of the sender of every email. Empty: the seller\'s legal name.')
param sendGridFromName string = ''

@description('Optional. NCRONTAB (six fields, UTC) of invoice generation.')
param billingSchedule string = '0 0 5 * * *'

@description('Optional. NCRONTAB (six fields, UTC) of the dunning run.')
param dunningSchedule string = '0 0 7 * * *'

@description('Optional. NCRONTAB (six fields, UTC) of the report snapshots.')
param reportsSchedule string = '0 30 6 * * *'

@description('Optional. NCRONTAB (six fields, UTC) of the outbox relay that sends integration events to Service Bus.')
param eventsRelaySchedule string = '0 */1 * * * *'

@description('Optional. Dunning pauses when the newest bank file is older than this many days.')
@minValue(1)
param dunningMaxBankFileAgeDays int = 3

@description('Optional. Cosmos DB capacity: Serverless (no cost at rest) or Autoscale (provisioned, shared by the database).')
param cosmosCapacityMode cosmosCapacityModeType = 'Serverless'

@description('Optional. Autoscale ceiling in RU/s when cosmosCapacityMode is Autoscale.')
@minValue(1000)
param cosmosAutoscaleMaxThroughput int = 1000

@description('Optional. Upper bound of Flex Consumption instances.')
@minValue(1)
@maxValue(1000)
param functionAppMaximumInstanceCount int = 40

@description('Optional. Memory per Flex Consumption instance in MB.')
@allowed([512, 2048, 4096])
param functionAppInstanceMemoryMB int = 2048

@description('Optional. Days of Cosmos DB continuous backup (point-in-time restore into a new account): 7 (no charge) or 30.')
@allowed([7, 30])
param cosmosContinuousBackupDays int = 30

@description('Optional. Days a deleted or overwritten blob, a deleted container and the blob change feed are kept.')
@minValue(1)
@maxValue(365)
param blobDeleteRetentionDays int = 30

@description('Optional. Years issued invoices (invoices container) and processed bank files (bank-archive container) stay unalterable (WORM). Counted, as HGB §257 and AO §147 count, from the end of the calendar year the document was written.')
@minValue(1)
@maxValue(100)
param recordsRetentionYears int = 10

@description('Optional. Object id of the managers\' Entra group: Storage Blob Data Reader on the reports container. Empty for none.')
param managersGroupObjectId string = ''

@description('Optional. Object id of the finance Entra group: may write bank files under bank-files/incoming/ and bank-files/decisions/. Empty for none.')
param financeGroupObjectId string = ''

@description('Optional. Name of the resource group; null for rg-<environmentName>.')
param resourceGroupName string?

@description('Optional. Name of the function app; null for func-<resourceToken>.')
param functionAppName string?

@description('Optional. Name of the Cosmos DB account; empty for cosno-<resourceToken>. Set it to the account a point-in-time restore created to move the app, its roles and its settings onto that account (README "Recovery").')
param cosmosAccountName string = ''

@description('Optional. True once an operator has locked the WORM retention policies (README "Recovery"): provisioning then leaves them alone, since a locked policy can only be extended, never rewritten.')
param recordsRetentionLocked bool = false

// ---- Names ------------------------------------------------------------------------------------

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

// Must equal the service name in azure.yaml: azd deploys to the app tagged with it.
var serviceName = 'functions'

var appName = functionAppName ?? '${abbrs.webSitesFunctions}${resourceToken}'
var deploymentContainerName = 'app-package-${take(toLower(appName), 32)}-${take(uniqueString(appName, resourceToken), 7)}'

// Names the code reads through %SETTING% / app settings; the single source for Bicep and outputs.
var queues = {
  billAccount: 'bill-account'
  sendInvoice: 'send-invoice'
  dunningNotice: 'dunning-notice'
  scheduleBillingPage: 'schedule-billing-page'
  scheduleDunningPage: 'schedule-dunning-page'
}
var containers = {
  bankFiles: 'bank-files'
  // Processed bank files and their ingestion reports (processed/...), kept unalterable (WORM); the
  // upload folders incoming/ and decisions/ stay in bank-files, where the app moves and deletes.
  bankArchive: 'bank-archive'
  invoices: 'invoices'
  reports: 'reports'
  // Blob events Event Grid could not deliver to the blob triggers (see infra/hooks/postdeploy.*).
  deadLetter: 'deadletter'
}

// The legal retention runs from the end of the calendar year a document was written, so a blob
// written on 1 January needs one more year than the count; 366 days per year covers leap years.
var recordsRetentionDays = (recordsRetentionYears + 1) * 366
var cosmosDatabaseName = 'billing'

// Resource names, known before anything is deployed (so What-If and role-assignment names are exact).
var names = {
  identity: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
  logAnalytics: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  systemTopic: '${abbrs.eventGridSystemTopics}${resourceToken}'
  cosmos: empty(cosmosAccountName) ? '${abbrs.documentDBDatabaseAccounts}${resourceToken}' : cosmosAccountName
  serviceBus: '${abbrs.serviceBusNamespaces}${resourceToken}'
  keyVault: '${abbrs.keyVaultVaults}${resourceToken}'
  plan: '${abbrs.webServerFarms}${resourceToken}'
  vnet: '${abbrs.networkVirtualNetworks}${resourceToken}'
}
var serviceBusTopicName = 'billing-events'

// Private DNS zones of the private endpoints, in the order the endpoints below index them.
var privateDnsZoneNames = [
  'privatelink.blob.${environment().suffixes.storage}'
  'privatelink.queue.${environment().suffixes.storage}'
  'privatelink.documents.azure.com'
  'privatelink.servicebus.windows.net'
  'privatelink.vaultcore.azure.net'
]

// ---- Resources --------------------------------------------------------------------------------

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: resourceGroupName ?? '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: names.storage
    location: location
    tags: tags
    containerNames: [
      deploymentContainerName
      containers.bankFiles
      containers.reports
      containers.deadLetter
    ]
    wormContainerNames: [containers.invoices, containers.bankArchive]
    immutabilityPeriodDays: recordsRetentionDays
    retentionPolicyLocked: recordsRetentionLocked
    deleteRetentionDays: blobDeleteRetentionDays
    // Each work queue with the poison queue the Functions host moves a message to after five failures.
    queueNames: [
      queues.billAccount
      '${queues.billAccount}-poison'
      queues.sendInvoice
      '${queues.sendInvoice}-poison'
      queues.dunningNotice
      '${queues.dunningNotice}-poison'
      queues.scheduleBillingPage
      '${queues.scheduleBillingPage}-poison'
      queues.scheduleDunningPage
      '${queues.scheduleDunningPage}-poison'
    ]
    systemTopicName: names.systemTopic
    privateNetworking: vnetEnabled
  }
}

module cosmos 'modules/cosmos.bicep' = {
  name: 'cosmos'
  scope: rg
  params: {
    accountName: names.cosmos
    location: location
    tags: tags
    databaseName: cosmosDatabaseName
    capacityMode: cosmosCapacityMode
    autoscaleMaxThroughput: cosmosAutoscaleMaxThroughput
    continuousBackupDays: cosmosContinuousBackupDays
    privateNetworking: vnetEnabled
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  name: 'servicebus'
  scope: rg
  params: {
    name: names.serviceBus
    location: location
    tags: tags
    // Private endpoints exist only on Premium.
    skuName: vnetEnabled ? 'Premium' : 'Standard'
    topicName: serviceBusTopicName
    privateNetworking: vnetEnabled
  }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: {
    name: names.keyVault
    location: location
    tags: tags
    sendGridApiKey: sendGridApiKey
    privateNetworking: vnetEnabled
  }
}

module rbac 'modules/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    storageAccountName: names.storage
    bankFilesContainerName: containers.bankFiles
    bankArchiveContainerName: containers.bankArchive
    reportsContainerName: containers.reports
    deadLetterContainerName: containers.deadLetter
    eventGridPrincipalId: storage.outputs.systemTopicPrincipalId
    serviceBusNamespaceName: names.serviceBus
    serviceBusTopicName: serviceBusTopicName
    keyVaultName: names.keyVault
    applicationInsightsName: names.applicationInsights
    cosmosAccountName: names.cosmos
    appPrincipalId: identity.outputs.principalId
    developerPrincipalId: principalId
    developerPrincipalType: principalType
    managersGroupObjectId: managersGroupObjectId
    financeGroupObjectId: financeGroupObjectId
  }
}

module network 'modules/network.bicep' = if (vnetEnabled) {
  name: 'network'
  scope: rg
  params: {
    name: names.vnet
    location: location
    tags: tags
    privateDnsZoneNames: privateDnsZoneNames
  }
}

// One private endpoint per service sub-resource; zoneIndex points into privateDnsZoneNames.
var privateEndpoints = [
  { service: 'st-blob', type: 'Microsoft.Storage/storageAccounts', name: names.storage, groupId: 'blob', zoneIndex: 0 }
  { service: 'st-queue', type: 'Microsoft.Storage/storageAccounts', name: names.storage, groupId: 'queue', zoneIndex: 1 }
  { service: 'cosmos', type: 'Microsoft.DocumentDB/databaseAccounts', name: names.cosmos, groupId: 'Sql', zoneIndex: 2 }
  { service: 'sb', type: 'Microsoft.ServiceBus/namespaces', name: names.serviceBus, groupId: 'namespace', zoneIndex: 3 }
  { service: 'kv', type: 'Microsoft.KeyVault/vaults', name: names.keyVault, groupId: 'vault', zoneIndex: 4 }
]

module privateEndpointModules 'modules/privateEndpoint.bicep' = [
  for pe in privateEndpoints: if (vnetEnabled) {
    name: 'pep-${pe.service}'
    scope: rg
    dependsOn: [storage, cosmos, serviceBus, keyVault]
    params: {
      name: '${abbrs.networkPrivateEndpoints}${pe.service}-${resourceToken}'
      location: location
      tags: tags
      serviceResourceId: resourceId(subscription().subscriptionId, rg.name, pe.type, pe.name)
      groupId: pe.groupId
      subnetId: network!.outputs.privateEndpointSubnetId
      privateDnsZoneId: network!.outputs.privateDnsZoneIds[pe.zoneIndex]
    }
  }
]

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  // The app starts using its identity at once: let its roles exist first.
  dependsOn: [rbac]
  params: {
    name: appName
    planName: names.plan
    location: location
    tags: tags
    serviceName: serviceName
    identityResourceId: identity.outputs.resourceId
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    storageBlobEndpoint: storage.outputs.blobEndpoint
    storageQueueEndpoint: storage.outputs.queueEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    cosmosEndpoint: cosmos.outputs.endpoint
    cosmosDatabaseName: cosmosDatabaseName
    serviceBusFullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
    serviceBusTopicName: serviceBusTopicName
    sendGridSecretUri: keyVault.outputs.sendGridSecretUri
    sendGridFromEmail: empty(sendGridFromEmail) ? seller.Email : sendGridFromEmail
    sendGridFromName: empty(sendGridFromName) ? seller.LegalName : sendGridFromName
    seller: seller
    billingSchedule: billingSchedule
    dunningSchedule: dunningSchedule
    reportsSchedule: reportsSchedule
    eventsRelaySchedule: eventsRelaySchedule
    billAccountQueueName: queues.billAccount
    sendInvoiceQueueName: queues.sendInvoice
    dunningNoticeQueueName: queues.dunningNotice
    scheduleBillingPageQueueName: queues.scheduleBillingPage
    scheduleDunningPageQueueName: queues.scheduleDunningPage
    bankFilesContainerName: containers.bankFiles
    bankArchiveContainerName: containers.bankArchive
    invoicesContainerName: containers.invoices
    reportsContainerName: containers.reports
    dunningMaxBankFileAgeDays: dunningMaxBankFileAgeDays
    dotnetVersion: '10.0'
    instanceMemoryMB: functionAppInstanceMemoryMB
    maximumInstanceCount: functionAppMaximumInstanceCount
    virtualNetworkSubnetId: vnetEnabled ? network!.outputs.appSubnetId : null
  }
}

// ---- Outputs (azd writes them to .azure/<env>/.env; infra/hooks/postprovision.* turns them into
// ---- functions/Billing.Functions/local.settings.json; UPPER_SNAKE, named after the app settings)

@description('Azure region of the deployment.')
output AZURE_LOCATION string = location

@description('Entra tenant of the subscription.')
output AZURE_TENANT_ID string = tenant().tenantId

@description('Resource group holding everything.')
output AZURE_RESOURCE_GROUP string = rg.name

@description('Name of the function app (the target of `azd deploy`).')
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name

@description('Default host name of the function app.')
output AZURE_FUNCTION_APP_HOST_NAME string = functionApp.outputs.defaultHostName

@description('Client id of the app\'s user-assigned identity.')
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId

@description('Name of the storage account (AzureWebJobsStorage__accountName).')
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name

@description('Blob endpoint (AzureWebJobsStorage__blobServiceUri).')
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint

@description('Queue endpoint (AzureWebJobsStorage__queueServiceUri).')
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint

@description('Event Grid system topic of the storage account (postdeploy subscribes the blob triggers to it).')
output AZURE_EVENTGRID_SYSTEM_TOPIC_NAME string = storage.outputs.systemTopicName

@description('Blob container where Event Grid dead-letters blob events it could not deliver (postdeploy sets it on each subscription).')
output AZURE_EVENTGRID_DEADLETTER_CONTAINER string = containers.deadLetter

@description('Resource id of the storage account (the dead-letter destination of the Event Grid subscriptions).')
output AZURE_STORAGE_ACCOUNT_ID string = storage.outputs.resourceId

@description('Cosmos DB endpoint (COSMOS__accountEndpoint).')
output COSMOS_ACCOUNT_ENDPOINT string = cosmos.outputs.endpoint

@description('Cosmos DB database (COSMOS_DATABASE).')
output COSMOS_DATABASE string = cosmos.outputs.databaseName

@description('Service Bus namespace host (SERVICEBUS__fullyQualifiedNamespace).')
output SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace

@description('Service Bus topic of integration events (SERVICEBUS_TOPIC).')
output SERVICEBUS_TOPIC string = serviceBus.outputs.topicName

@description('Name of the key vault.')
output AZURE_KEY_VAULT_NAME string = keyVault.outputs.name

@description('URI of the key vault.')
output AZURE_KEY_VAULT_ENDPOINT string = keyVault.outputs.uri

@description('Name of the Key Vault secret holding the SendGrid API key.')
output SENDGRID_API_KEY_SECRET_NAME string = keyVault.outputs.sendGridSecretName

@description('Application Insights connection string (no secret: local auth is off).')
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.connectionString

@description('BILLING_SCHEDULE.')
output BILLING_SCHEDULE string = billingSchedule

@description('DUNNING_SCHEDULE.')
output DUNNING_SCHEDULE string = dunningSchedule

@description('REPORTS_SCHEDULE.')
output REPORTS_SCHEDULE string = reportsSchedule

@description('EVENTS_RELAY_SCHEDULE.')
output EVENTS_RELAY_SCHEDULE string = eventsRelaySchedule

@description('BILL_ACCOUNT_QUEUE.')
output BILL_ACCOUNT_QUEUE string = queues.billAccount

@description('SEND_INVOICE_QUEUE.')
output SEND_INVOICE_QUEUE string = queues.sendInvoice

@description('DUNNING_NOTICE_QUEUE.')
output DUNNING_NOTICE_QUEUE string = queues.dunningNotice
@description('SCHEDULE_BILLING_PAGE_QUEUE.')
output SCHEDULE_BILLING_PAGE_QUEUE string = queues.scheduleBillingPage
@description('SCHEDULE_DUNNING_PAGE_QUEUE.')
output SCHEDULE_DUNNING_PAGE_QUEUE string = queues.scheduleDunningPage

@description('BANK_FILES_CONTAINER.')
output BANK_FILES_CONTAINER string = containers.bankFiles

@description('INVOICES_CONTAINER.')
output INVOICES_CONTAINER string = containers.invoices

@description('REPORTS_CONTAINER.')
output REPORTS_CONTAINER string = containers.reports

@description('BANK_ARCHIVE_CONTAINER.')
output BANK_ARCHIVE_CONTAINER string = containers.bankArchive

@description('Days each version of an issued invoice or processed bank file stays unalterable (the WORM policies\' period).')
output RECORDS_RETENTION_DAYS int = recordsRetentionDays

@description('DUNNING_MAX_BANK_FILE_AGE (days).')
output DUNNING_MAX_BANK_FILE_AGE int = dunningMaxBankFileAgeDays

@description('SENDGRID_FROM_EMAIL as deployed.')
output SENDGRID_FROM_EMAIL_EFFECTIVE string = empty(sendGridFromEmail) ? seller.Email : sendGridFromEmail

@description('SENDGRID_FROM_NAME as deployed.')
output SENDGRID_FROM_NAME_EFFECTIVE string = empty(sendGridFromName) ? seller.LegalName : sendGridFromName
