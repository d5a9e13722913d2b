// Azure Bot registration for the Entra app (single tenant) with the Microsoft Teams channel.

@description('Bot resource name (2-64 characters, unique across Azure).')
param name string

@description('Display name shown in the Azure portal.')
param displayName string

@description('Application (client) id of the Entra app registration; the bot id in the Teams manifest.')
param appId string

@description('Entra tenant of the app registration.')
param tenantId string

@description('https address of the messaging endpoint, ending in /api/messages.')
param messagingEndpoint string

@description('F0 is free; Teams is a standard channel, so it stays free with S1 too.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'F0'

param tags object = {}

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppId: appId
    msaAppType: 'SingleTenant' // new multi-tenant bots can no longer be created
    msaAppTenantId: tenantId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output endpoint string = bot.properties.endpoint
