// The storage account serves three purposes:
//   1. AzureWebJobsStorage of the Functions host (leases, timers' schedule monitor, blob receipts);
//   2. the app's data: containers `bank-files`, `bank-archive`, `invoices`, `reports`, `deadletter`
//      and the work queues;
//   3. the Flex Consumption deployment package container.
// Records (README "Recovery"): every blob is versioned, every change is in the change feed, and a
// deleted blob, version or container can be restored for `deleteRetentionDays`. The containers named
// in `wormContainerNames` (issued invoices, processed bank files) are created with version-level
// immutability and a default time-based retention policy (WORM): no version written there can be
// changed or deleted for `immutabilityPeriodDays` after it was written. The policy is created
// unlocked (it can still be shortened or removed by whoever may manage the account); locking it is
// an explicit, irreversible operator step, never done by a template. Version-level immutability
// needs versioning on and a flat namespace (no HNS); enabling it on an existing container is a
// migration (`az storage container-rm migrate-vlw`), not an in-place property change.
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

@description('Optional. Days a deleted or overwritten blob (its previous versions), a deleted container and the change feed are kept. Bank files and invoices are records worth a safety net.')
@minValue(1)
@maxValue(365)
param deleteRetentionDays int = 30

@description('Optional. Further blob containers created with version-level immutability and a default time-based retention policy (WORM), e.g. issued invoices and processed bank files.')
param wormContainerNames string[] = []

@description('Optional. Days each blob version in a WORM container stays unalterable after it was written (the policy is created unlocked).')
@minValue(1)
@maxValue(146000)
param immutabilityPeriodDays int = 3660

@description('Optional. True once an operator has locked the WORM containers\' policies: the template then leaves them alone (a locked policy can only be extended, with its own command).')
param retentionPolicyLocked bool = false

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
      // Version-level immutability requires versioning; a write over a blob keeps the old version.
      isVersioningEnabled: true
      changeFeed: {
        enabled: true
        retentionInDays: deleteRetentionDays
      }
      deleteRetentionPolicy: {
        enabled: true
        days: deleteRetentionDays
        allowPermanentDelete: false
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

    // Version-level immutability can only be switched on when a container is created (an existing
    // one is migrated with `az storage container-rm migrate-vlw`, see README "Recovery").
    resource wormContainers 'containers' = [
      for containerName in wormContainerNames: {
        name: containerName
        properties: {
          publicAccess: 'None'
          immutableStorageWithVersioning: {
            enabled: true
          }
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

// The default version-level retention of each WORM container: every version written there inherits
// it. Created unlocked; `az storage container immutability-policy lock` (README "Recovery") locks it.
resource retentionPolicies 'Microsoft.Storage/storageAccounts/blobServices/containers/immutabilityPolicies@2024-01-01' = [
  for (containerName, i) in wormContainerNames: if (!retentionPolicyLocked) {
    parent: storage::blobService::wormContainers[i]
    name: 'default'
    properties: {
      immutabilityPeriodSinceCreationInDays: immutabilityPeriodDays
      allowProtectedAppendWrites: false
      allowProtectedAppendWritesAll: false
    }
  }
]

// Versioning keeps every overwritten version: outside the WORM containers (which keep theirs for the
// retention period anyway), previous versions older than the soft-delete window are deleted, so the
// daily rewritten reports/latest/ does not grow without bound.
resource lifecycle 'Microsoft.Storage/storageAccounts/managementPolicies@2024-01-01' = {
  parent: storage
  name: 'default'
  properties: {
    policy: {
      rules: [
        {
          name: 'expire-previous-versions'
          enabled: true
          type: 'Lifecycle'
          definition: {
            filters: {
              blobTypes: ['blockBlob']
              prefixMatch: [for containerName in containerNames: '${containerName}/']
            }
            actions: {
              version: {
                delete: {
                  daysAfterCreationGreaterThan: deleteRetentionDays
                }
              }
            }
          }
        }
      ]
    }
  }
  dependsOn: [storage::blobService]
}

// Publishes this account's events (BlobCreated among them). Subscriptions: see the file header.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: systemTopicName
  location: location
  tags: tags
  // Its own identity writes undeliverable events to the dead-letter container (rbac.bicep grants it
  // Storage Blob Data Contributor there; shared keys are off, so Event Grid cannot use one).
  identity: {
    type: 'SystemAssigned'
  }
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

@description('Principal id of the system topic\'s system-assigned identity (it writes dead-lettered events).')
output systemTopicPrincipalId string = systemTopic.identity.principalId
