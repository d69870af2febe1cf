// Every permission of the system in one place. Each Azure RBAC assignment is named
// guid(scope, principal, role), so re-provisioning is idempotent and two assignments never collide.
//
// The app's identity gets exactly what the code uses:
//   storage account  Storage Blob Data Owner        host storage (leases, blob receipts), containers
//                    Storage Queue Data Contributor work queues, poison queues, blob-trigger poison queue
//   (no Storage Table Data Contributor: neither Flex Consumption's host nor this app uses tables;
//    only Durable Functions would)
//   topic            Azure Service Bus Data Sender  publish integration events
//   key vault        Key Vault Secrets User         resolve the SENDGRID_API_KEY reference
//   App Insights     Monitoring Metrics Publisher   send telemetry with local auth off
//   Cosmos account   Cosmos DB Built-in Data Contributor (data-plane sqlRoleAssignment, not Azure RBAC)
//
// People:
//   developer (azd's AZURE_PRINCIPAL_ID, optional): enough to run the app locally against these
//     resources and operate it (blob + queue data, Service Bus send/receive, Cosmos data, rotate the key).
//   managers group (optional): Storage Blob Data Reader on the `reports` container only.
//   finance group (optional): Storage Blob Data Contributor on the `bank-files` container, narrowed
//     by an ABAC condition to writing and deleting under incoming/ and decisions/ (see below), and
//     Storage Blob Data Reader on `bank-archive` (the processed files and their reports).
//
// Event Grid: the storage account's system topic (its system-assigned identity) gets Storage Blob
// Data Contributor on the `deadletter` container alone, to write the events it could not deliver.

@description('Required. Name of the storage account.')
param storageAccountName string

@description('Required. Name of the bank-files blob container (finance writes here).')
param bankFilesContainerName string

@description('Required. Name of the bank-archive blob container (processed bank files; finance reads here).')
param bankArchiveContainerName string

@description('Required. Name of the reports blob container (managers read here).')
param reportsContainerName string

@description('Required. Name of the blob container where Event Grid dead-letters undeliverable blob events.')
param deadLetterContainerName string

@description('Required. Principal id of the Event Grid system topic\'s system-assigned identity.')
param eventGridPrincipalId string

@description('Required. Name of the Service Bus namespace.')
param serviceBusNamespaceName string

@description('Required. Name of the Service Bus topic the app publishes to.')
param serviceBusTopicName string

@description('Required. Name of the key vault.')
param keyVaultName string

@description('Required. Name of the Application Insights component.')
param applicationInsightsName string

@description('Required. Name of the Cosmos DB account.')
param cosmosAccountName string

@description('Required. Principal (object) id of the app\'s user-assigned managed identity.')
param appPrincipalId string

@description('Optional. Principal id of the person or pipeline running `azd` (AZURE_PRINCIPAL_ID); empty for none.')
param developerPrincipalId string = ''

@description('Optional. Kind of the developer principal: User for a person, ServicePrincipal for a CI pipeline.')
@allowed(['User', 'ServicePrincipal'])
param developerPrincipalType string = 'User'

@description('Optional. Object id of the managers\' Entra group (read access to the reports container); empty for none.')
param managersGroupObjectId string = ''

@description('Optional. Object id of the finance Entra group (uploads bank files and decisions); empty for none.')
param financeGroupObjectId string = ''

// Built-in role definition ids (the same in every tenant).
var roles = {
  storageBlobDataOwner: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
  storageBlobDataContributor: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe'
  storageBlobDataReader: '2a2b9908-6ea1-4ae2-8e65-a410df84e7d1'
  storageQueueDataContributor: '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
  serviceBusDataSender: '69a216fc-b8fb-44d8-bc22-1f3c2cd27a39'
  serviceBusDataReceiver: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0'
  keyVaultSecretsUser: '4633458b-17de-408a-b874-0445c86b69e6'
  keyVaultSecretsOfficer: 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
  monitoringMetricsPublisher: '3913510d-42f4-4e42-8a64-420c390055eb'
}

// Cosmos DB data-plane built-in role "Cosmos DB Built-in Data Contributor" (a sqlRoleDefinition of the account).
var cosmosDataContributorRoleId = '00000000-0000-0000-0000-000000000002'

var hasDeveloper = !empty(developerPrincipalId)

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' existing = {
  name: storageAccountName

  resource blobService 'blobServices' existing = {
    name: 'default'

    resource bankFiles 'containers' existing = {
      name: bankFilesContainerName
    }

    resource bankArchive 'containers' existing = {
      name: bankArchiveContainerName
    }

    resource deadLetter 'containers' existing = {
      name: deadLetterContainerName
    }

    resource reports 'containers' existing = {
      name: reportsContainerName
    }
  }
}

resource serviceBus 'Microsoft.ServiceBus/namespaces@2024-01-01' existing = {
  name: serviceBusNamespaceName

  resource topic 'topics' existing = {
    name: serviceBusTopicName
  }
}

resource keyVault 'Microsoft.KeyVault/vaults@2024-11-01' existing = {
  name: keyVaultName
}

resource applicationInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: applicationInsightsName
}

resource cosmos 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' existing = {
  name: cosmosAccountName
}

// ---- The app's identity ---------------------------------------------------------------------

// Storage Blob Data Owner and Storage Queue Data Contributor, on the account.
resource appStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in [roles.storageBlobDataOwner, roles.storageQueueDataContributor]: {
    name: guid(storage.id, appPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: appPrincipalId
      principalType: 'ServicePrincipal'
    }
  }
]

// Azure Service Bus Data Sender, on the topic only.
resource appServiceBusSender 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(serviceBus::topic.id, appPrincipalId, roles.serviceBusDataSender)
  scope: serviceBus::topic
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.serviceBusDataSender)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Key Vault Secrets User, on the vault.
resource appKeyVaultSecretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(keyVault.id, appPrincipalId, roles.keyVaultSecretsUser)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsUser)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher, on Application Insights.
resource appMetricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(applicationInsights.id, appPrincipalId, roles.monitoringMetricsPublisher)
  scope: applicationInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.monitoringMetricsPublisher)
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Cosmos DB Built-in Data Contributor, on the whole account (data plane).
resource appCosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = {
  parent: cosmos
  name: guid(cosmos.id, appPrincipalId, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: appPrincipalId
    scope: cosmos.id
  }
}

// ---- The developer / deploying principal (optional) -----------------------------------------

// Storage Blob Data Contributor and Storage Queue Data Contributor, on the account.
resource developerStorageRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in [roles.storageBlobDataContributor, roles.storageQueueDataContributor]: if (hasDeveloper) {
    name: guid(storage.id, developerPrincipalId, roleId)
    scope: storage
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: developerPrincipalId
      principalType: developerPrincipalType
    }
  }
]

// Azure Service Bus Data Sender and Data Receiver, on the namespace (to add and read test subscriptions).
resource developerServiceBusRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for roleId in [roles.serviceBusDataSender, roles.serviceBusDataReceiver]: if (hasDeveloper) {
    name: guid(serviceBus.id, developerPrincipalId, roleId)
    scope: serviceBus
    properties: {
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roleId)
      principalId: developerPrincipalId
      principalType: developerPrincipalType
    }
  }
]

// Key Vault Secrets Officer, on the vault (rotate the SendGrid key with `az keyvault secret set`).
resource developerKeyVaultOfficer 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (hasDeveloper) {
  name: guid(keyVault.id, developerPrincipalId, roles.keyVaultSecretsOfficer)
  scope: keyVault
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.keyVaultSecretsOfficer)
    principalId: developerPrincipalId
    principalType: developerPrincipalType
  }
}

// Cosmos DB Built-in Data Contributor, on the whole account (data plane).
resource developerCosmosDataContributor 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments@2024-11-15' = if (hasDeveloper) {
  parent: cosmos
  name: guid(cosmos.id, developerPrincipalId, cosmosDataContributorRoleId)
  properties: {
    roleDefinitionId: '${cosmos.id}/sqlRoleDefinitions/${cosmosDataContributorRoleId}'
    principalId: developerPrincipalId
    scope: cosmos.id
  }
}

// ---- Groups of people (optional) ------------------------------------------------------------

// Storage Blob Data Reader for managers, scoped to the `reports` container alone.
resource managersReportsReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(managersGroupObjectId)) {
  name: guid(storage::blobService::reports.id, managersGroupObjectId, roles.storageBlobDataReader)
  scope: storage::blobService::reports
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: managersGroupObjectId
    principalType: 'Group'
    description: 'Managers read report snapshots.'
  }
}

// Storage Blob Data Contributor for finance, scoped to the `bank-files` container. Azure RBAC
// cannot scope below a container (there are no folder scopes in a flat namespace), so the
// folders are enforced by an attribute-based (ABAC) condition on the blob path: a write, an
// append/add or a delete is allowed only when the blob's path starts with incoming/ or
// decisions/. Reads stay unconditional, so finance can also read the ingestion reports and
// the files moved to processed/ and quarantine/ by the app.
var financeWriteCondition = '''
(
  (
    !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/write'})
    AND
    !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/add/action'})
    AND
    !(ActionMatches{'Microsoft.Storage/storageAccounts/blobServices/containers/blobs/delete'})
  )
  OR
  (
    @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith 'incoming/'
    OR
    @Resource[Microsoft.Storage/storageAccounts/blobServices/containers/blobs:path] StringStartsWith 'decisions/'
  )
)
'''

resource financeBankFilesWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(financeGroupObjectId)) {
  name: guid(storage::blobService::bankFiles.id, financeGroupObjectId, roles.storageBlobDataContributor)
  scope: storage::blobService::bankFiles
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: financeGroupObjectId
    principalType: 'Group'
    description: 'Finance uploads bank files to incoming/ and suspense decisions to decisions/.'
    condition: financeWriteCondition
    conditionVersion: '2.0'
  }
}

// Storage Blob Data Reader for finance on the archive of processed bank files and their reports.
resource financeBankArchiveReader 'Microsoft.Authorization/roleAssignments@2022-04-01' = if (!empty(financeGroupObjectId)) {
  name: guid(storage::blobService::bankArchive.id, financeGroupObjectId, roles.storageBlobDataReader)
  scope: storage::blobService::bankArchive
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataReader)
    principalId: financeGroupObjectId
    principalType: 'Group'
    description: 'Finance reads processed bank files and their ingestion reports.'
  }
}

// ---- Event Grid -------------------------------------------------------------------------------

// Storage Blob Data Contributor for the system topic, on the dead-letter container only.
resource eventGridDeadLetterWriter 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage::blobService::deadLetter.id, eventGridPrincipalId, roles.storageBlobDataContributor)
  scope: storage::blobService::deadLetter
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', roles.storageBlobDataContributor)
    principalId: eventGridPrincipalId
    principalType: 'ServicePrincipal'
    description: 'Event Grid writes blob events it could not deliver to the blob triggers.'
  }
}
