// Service Bus namespace with the `billing-events` topic, onto which every state change is published
// as an integration event. Local (SAS) auth is off: senders authenticate with Entra ID.
// SKU: Standard by default (topics need at least Standard; ~US$10/month base). Private endpoints
// exist only on Premium, so main.bicep asks for Premium when private networking is on.

@description('Required. Globally unique name of the Service Bus namespace.')
@minLength(6)
@maxLength(50)
param name string

@description('Required. Azure region of the namespace.')
param location string

@description('Optional. Tags applied to the namespace.')
param tags object = {}

@description('Optional. Standard, or Premium (required for private endpoints; billed per messaging unit).')
@allowed(['Standard', 'Premium'])
param skuName string = 'Standard'

@description('Optional. Name of the topic that carries the integration events.')
param topicName string = 'billing-events'

@description('Optional. How long the topic remembers MessageIds to drop duplicates (ISO 8601). Events have deterministic MessageIds, so a replay within this window is dropped.')
param duplicateDetectionWindow string = 'P1D'

@description('Optional. True when a private endpoint fronts the namespace: public network access is then disabled.')
param privateNetworking bool = false

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: skuName
    tier: skuName
    capacity: skuName == 'Premium' ? 1 : null
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
  }

  resource topic 'topics' = {
    name: topicName
    properties: {
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      defaultMessageTimeToLive: 'P14D'
      enableBatchedOperations: true
      supportOrdering: false
    }
  }
}

@description('Name of the namespace.')
output name string = namespace.name

@description('Name of the topic.')
output topicName string = namespace::topic.name

// Taken from the endpoint the service reports (https://<name>.servicebus.windows.net:443/), so
// sovereign clouds get their own suffix.
@description('Fully qualified namespace, e.g. <name>.servicebus.windows.net (what `SERVICEBUS__fullyQualifiedNamespace` carries).')
output fullyQualifiedNamespace string = split(split(namespace.properties.serviceBusEndpoint, '/')[2], ':')[0]

@description('Resource id of the namespace.')
output resourceId string = namespace.id
