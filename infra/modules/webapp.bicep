// Linux App Service plan and the web app that hosts the bot endpoint (/api/messages) and the tabs.
// One instance: the app keeps its state in one SQLite file under /home (see docs/deploy.md before scaling out).

@description('Azure region for the resources.')
param location string

@description('Web app name; also the first label of its default host name.')
param name string

@description('App Service plan SKU. B1 is the smallest with Always On, which the background workers need.')
@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
param planSku string = 'B1'

@description('App settings as name → value, Key Vault references included. Leitbild__PublicBaseUrl is added here.')
param settings object

@description('Public host name of the app (custom domain). Empty: the default *.azurewebsites.net host.')
param publicHostName string = ''

@description('Log Analytics workspace that receives the app\'s console output, HTTP and platform logs.')
param logAnalyticsWorkspaceId string

param tags object = {}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: '${name}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: planSku
    capacity: 1
  }
  properties: {
    reserved: true // Linux
  }
}

resource site 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    keyVaultReferenceIdentity: 'SystemAssigned'
    siteConfig: {
      linuxFxVersion: 'DOTNETCORE|10.0'
      appCommandLine: 'dotnet Leitbild.Teams.App.dll'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      scmMinTlsVersion: '1.2'
      ftpsState: 'Disabled'
      healthCheckPath: '/healthz'
    }
  }
}

var host = empty(publicHostName) ? site.properties.defaultHostName : publicHostName

// Set after the site exists, so the settings can name the site's own host.
resource appSettings 'Microsoft.Web/sites/config@2025-03-01' = {
  parent: site
  name: 'appsettings'
  properties: union(settings, {
    Leitbild__PublicBaseUrl: 'https://${host}'
  })
}

// The app logs to the console (structured, no personal data); keep those lines searchable in Log Analytics.
resource diagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: site
  properties: {
    workspaceId: logAnalyticsWorkspaceId
    logs: [
      {
        category: 'AppServiceConsoleLogs'
        enabled: true
      }
      {
        category: 'AppServiceHTTPLogs'
        enabled: true
      }
      {
        category: 'AppServicePlatformLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

output host string = host
output principalId string = site.identity.principalId
output name string = site.name
