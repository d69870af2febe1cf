// The storage account serves three purposes:
//   1. AzureWebJobsStorage of the Functions host (leases, timers' schedule monitor, blob receipts);
//   2. the app's data: containers `bank-files`, `invoices`, `reports` and the work queues;
//   3. the Flex Consumption deployment package container.
// Shared keys are off: every client (the host, the app, the operators' CLI) uses Entra ID.
// It also carries the Event Grid *system topic* for blob events; the event *subscriptions* that
// deliver `bank-files/incoming/` and `bank-files/decisions/` to the blob triggers are created by
// infra/hooks/postdeploy.(sh|ps1), because their webhook URL needs the `blobs_extension` system key,
// which exists only once the code is deployed and which a template could read only by listing keys.

@description('Required. Globally unique name of the storage account (3-24 lowercase letters and digits).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region of the storage account and its Event Grid system topic.')
param location string

@description('Optional. Tags applied to every resource of this module.')
param tags object = {}

@description('Required. Blob containers to create, e.g. the data containers and the deployment package container.')
param containerNames string[]

@description('Required. Storage queues to create (work queues and their `-poison` queues).')
param queueNames string[]

@description('Required. Name of the Event Grid system topic that publishes this account\'s blob events.')
param systemTopicName string

@description('Optional. True when private endpoints front the account: public network access is then disabled.')
param privateNetworking bool = false

@description('Optional. Days a deleted blob or container can be restored. Bank files and invoices are records worth a safety net.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 7

resource storage 'Microsoft.Storage/storageAccounts@2024-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    accessTier: 'Hot'
    allowSharedKeyAccess: false
    allowBlobPublicAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    dnsEndpointType: 'Standard'
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      // Trusted Azure services (Event Grid reading blob events is a system topic, not a data read,
      // but Azure Monitor and backup are) may still pass when the account is private.
      bypass: 'AzureServices'
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: deleteRetentionDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: deleteRetentionDays
      }
    }

    resource containers 'containers' = [
      for containerName in containerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
        }
      }
    ]
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource queues 'queues' = [
      for queueName in queueNames: {
        name: queueName
      }
    ]
  }
}

// Publishes this account's events (BlobCreated among them). Subscriptions: see the file header.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

@description('Name of the storage account.')
output name string = storage.name

@description('Resource id of the storage account.')
output resourceId string = storage.id

@description('Blob service endpoint, e.g. https://<name>.blob.core.windows.net/.')
output blobEndpoint string = storage.properties.primaryEndpoints.blob

@description('Queue service endpoint, e.g. https://<name>.queue.core.windows.net/.')
output queueEndpoint string = storage.properties.primaryEndpoints.queue

@description('Name of the Event Grid system topic of the account.')
output systemTopicName string = systemTopic.name
