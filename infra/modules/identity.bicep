// The user-assigned managed identity the Functions app runs as. It is created before the app so
// every role assignment can name it, and so the app never needs a secret to reach its dependencies.

@description('Required. Name of the user-assigned managed identity.')
param name string

@description('Required. Azure region of the identity.')
param location string

@description('Optional. Tags applied to the identity.')
param tags object = {}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id of the identity.')
output resourceId string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Client (application) id of the identity: what the app settings `*__clientId` and `AZURE_CLIENT_ID` carry.')
output clientId string = identity.properties.clientId

@description('Object (principal) id of the identity: what role assignments name.')
output principalId string = identity.properties.principalId
