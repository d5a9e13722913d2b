// Key Vault for the app's secrets, authorised by Azure RBAC (no access policies).
// The web app identity may read secrets (Key Vault Secrets User), nothing more.
// Secrets are set once by the operator (docs/deploy.md); passing them here is optional.

@description('Azure region for the resources.')
param location string

@description('Globally unique vault name: 3-24 letters, digits and hyphens.')
@minLength(3)
@maxLength(24)
param name string

@description('Object id of the web app managed identity that reads the secrets.')
param appPrincipalId string

@description('Secret names the app settings refer to.')
param clientSecretName string
param anonymousKeySecretName string

@secure()
@description('Client secret of the Entra app registration. Empty: set it later with az keyvault secret set.')
param clientSecret string = ''

@secure()
@description('Key for anonymous respondent keys (at least 32 characters). Empty: set it later. Never change it during a process.')
param anonymousKey string = ''

param tags object = {}

var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'

resource vault 'Microsoft.KeyVault/vaults@2025-05-01' = {
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
    softDeleteRetentionInDays: 90
    enablePurgeProtection: true
    publicNetworkAccess: 'Enabled'
  }
}

resource clientSecretValue 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(clientSecret)) {
  parent: vault
  name: clientSecretName
  properties: {
    value: clientSecret
  }
}

resource anonymousKeyValue 'Microsoft.KeyVault/vaults/secrets@2025-05-01' = if (!empty(anonymousKey)) {
  parent: vault
  name: anonymousKeySecretName
  properties: {
    value: anonymousKey
  }
}

resource secretsUser 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(vault.id, appPrincipalId, keyVaultSecretsUser)
  scope: vault
  properties: {
    principalId: appPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
  }
}

output vaultUri string = vault.properties.vaultUri
