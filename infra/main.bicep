// Leitbild.Teams in Azure: web app (bot endpoint and tabs), Azure Bot with the Teams channel, Key Vault,
// storage for scale-out state, and monitoring. Local modules only, so it compiles offline.
// Deploy: az deployment group create -g <group> --template-file infra/main.bicep --parameters infra/main.bicepparam
// Every step around it (Entra app registration, secrets, Teams upload): docs/deploy.md.

targetScope = 'resourceGroup'

@description('Azure region for everything except the bot registration (global).')
param location string = resourceGroup().location

@description('Short lower-case prefix for resource names.')
@minLength(2)
@maxLength(12)
param namePrefix string = 'leitbild'

@description('Application (client) id of the Entra app registration: bot id, tab SSO audience and Graph client.')
@minLength(36)
@maxLength(36)
param appId string

@description('Entra tenant of the app registration and of the Microsoft 365 users.')
param tenantId string = subscription().tenantId

@description('SharePoint site id (host,siteCollectionId,webId) that holds the results lists.')
param sharePointSiteId string

@description('The same site\'s address (https://<tenant>.sharepoint.com/sites/<name>); the tab\'s results page links to its lists. Empty: no link.')
param sharePointSiteUrl string = ''

@description('Organisation name, shown in Graph traffic identification (NONISV|organisation|Leitbild.Teams/version).')
param organisationName string

@description('Custom host name, if the city maps one to the web app (certificate bound separately). Empty: default host.')
param publicHostName string = ''

@description('App Service plan SKU.')
param planSku string = 'B1'

@description('Azure Bot SKU.')
param botSku string = 'F0'

@secure()
@description('Client secret of the app registration, if it should be written to Key Vault by this deployment.')
param clientSecret string = ''

@secure()
@description('Anonymous-key secret (at least 32 characters), if it should be written to Key Vault by this deployment.')
param anonymousKey string = ''

param tags object = {
  application: 'Leitbild.Teams'
}

var suffix = uniqueString(resourceGroup().id)
var webAppName = '${namePrefix}-${suffix}'
var keyVaultName = 'kv-${suffix}'
var storageName = 'st${suffix}'
var clientSecretName = 'microsoft365-client-secret'
var anonymousKeySecretName = 'anonymous-key'

// Names follow Hosting/LeitbildOptions.cs (section "Leitbild", "__" for ":"); the tests check every one exists there.
var leitbildSettings = {
  Leitbild__Mode: 'Microsoft365'
  // /home is the only folder App Service keeps across restarts, and it exists from the start (SQLite creates the
  // file, not missing folders). One instance only (see docs/deploy.md).
  Leitbild__DatabasePath: '/home/data/leitbild.db'
  // /home is an SMB share on App Service: WAL needs shared memory it cannot give.
  Leitbild__SqliteJournal: 'Delete'
  Leitbild__OrganisationName: organisationName
  Leitbild__AnonymousKey: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${anonymousKeySecretName})'
  Leitbild__Microsoft365__TenantId: tenantId
  Leitbild__Microsoft365__ClientId: appId
  Leitbild__Microsoft365__ClientSecret: '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${clientSecretName})'
  Leitbild__Microsoft365__SharePointSiteId: sharePointSiteId
  Leitbild__Microsoft365__SharePointSiteUrl: sharePointSiteUrl
}

var hostSettings = {
  APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.connectionString
  // App Service's built-in agent instruments .NET LTS apps on Linux without an SDK in the app.
  ApplicationInsightsAgent_EXTENSION_VERSION: '~3'
  // Without a URL the app listens on localhost:3978 (local mode); App Service forwards to port 8080.
  ASPNETCORE_URLS: 'http://0.0.0.0:8080'
  WEBSITES_PORT: '8080'
  // App Service terminates TLS in front of the app.
  ASPNETCORE_FORWARDEDHEADERS_ENABLED: 'true'
  WEBSITES_ENABLE_APP_SERVICE_STORAGE: 'true'
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  params: {
    location: location
    namePrefix: '${namePrefix}-${suffix}'
    tags: tags
  }
}

module web 'modules/webapp.bicep' = {
  name: 'webapp'
  params: {
    location: location
    name: webAppName
    planSku: planSku
    publicHostName: publicHostName
    logAnalyticsWorkspaceId: monitoring.outputs.workspaceId
    settings: union(leitbildSettings, hostSettings)
    tags: tags
  }
}

module vault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  params: {
    location: location
    name: keyVaultName
    appPrincipalId: web.outputs.principalId
    clientSecretName: clientSecretName
    anonymousKeySecretName: anonymousKeySecretName
    clientSecret: clientSecret
    anonymousKey: anonymousKey
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  params: {
    location: location
    name: storageName
    appPrincipalId: web.outputs.principalId
    tags: tags
  }
}

module bot 'modules/bot.bicep' = {
  name: 'bot'
  params: {
    name: '${namePrefix}-bot-${suffix}'
    displayName: 'Leitbild'
    appId: appId
    tenantId: tenantId
    messagingEndpoint: 'https://${web.outputs.host}/api/messages'
    sku: botSku
    tags: tags
  }
}

@description('Host name for package-manifest --domain and the App ID URI api://<host>/<appId>.')
output host string = web.outputs.host
output webAppName string = web.outputs.name
output keyVaultName string = keyVaultName
output keyVaultUri string = vault.outputs.vaultUri
output botEndpoint string = bot.outputs.endpoint
output tableEndpoint string = storage.outputs.tableEndpoint
output queueEndpoint string = storage.outputs.queueEndpoint
