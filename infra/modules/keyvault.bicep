// Key Vault in RBAC mode (no access policies) holding the only secret of the system: the SendGrid
// API key. The app reads it through a Key Vault reference with its user-assigned identity
// (Key Vault Secrets User, assigned in rbac.bicep).
//
// The secret is created only when a non-empty key is given. With an empty key nothing is written,
// so a later `azd provision` without the key never overwrites a key an operator has set or rotated
// with `az keyvault secret set`. Until a key exists, the app setting's reference does not resolve
// and sending email fails loudly (invoices are still generated and stored).

@description('Required. Globally unique name of the key vault (3-24 characters).')
@minLength(3)
@maxLength(24)
param name string

@description('Required. Azure region of the vault.')
param location string

@description('Optional. Tags applied to the vault.')
param tags object = {}

@description('Optional. SendGrid API key to store. Empty: store nothing and leave any existing secret as it is.')
@secure()
param sendGridApiKey string = ''

@description('Optional. Name of the secret that holds the SendGrid API key.')
param sendGridSecretName string = 'sendgrid-api-key'

@description('Optional. True when a private endpoint fronts the vault: public network access is then disabled.')
param privateNetworking bool = false

resource vault 'Microsoft.KeyVault/vaults@2024-11-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    // Fixed when the vault is created (a later change is refused), so it stays at its first value.
    softDeleteRetentionInDays: 7
    // A deleted vault or secret cannot be purged before its retention ends, not even by an owner.
    // Irreversible once on; `azd down --purge` then leaves the vault soft-deleted for 7 days.
    enablePurgeProtection: true
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: privateNetworking ? 'Deny' : 'Allow'
    }
  }
}

resource sendGridSecret 'Microsoft.KeyVault/vaults/secrets@2024-11-01' = if (!empty(sendGridApiKey)) {
  parent: vault
  name: sendGridSecretName
  properties: {
    value: sendGridApiKey
    contentType: 'text/plain'
  }
}

@description('Name of the vault.')
output name string = vault.name

@description('Vault URI, e.g. https://<name>.vault.azure.net/.')
output uri string = vault.properties.vaultUri

// Versionless: the reference follows the newest version, so a rotated key is picked up without a
// redeploy (App Service re-reads references within a day, or at once on restart).
@description('Versionless URI of the SendGrid secret, for the app setting\'s Key Vault reference.')
output sendGridSecretUri string = '${vault.properties.vaultUri}secrets/${sendGridSecretName}'

@description('Name of the secret holding the SendGrid API key.')
output sendGridSecretName string = sendGridSecretName

@description('Resource id of the vault.')
output resourceId string = vault.id
