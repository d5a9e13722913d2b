// Example parameters: copy to main.bicepparam, fill in, then
//   az deployment group create -g <group> --template-file infra/main.bicep --parameters infra/main.bicepparam
// Secrets are not kept here: set them in Key Vault (docs/deploy.md, step 5).
using 'main.bicep'

param namePrefix = 'leitbild'
param appId = '00000000-0000-0000-0000-000000000000' // Entra app registration: Application (client) ID
param sharePointSiteId = 'contoso.sharepoint.com,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000'
param sharePointSiteUrl = 'https://contoso.sharepoint.com/sites/leitbild'
param organisationName = 'Stadt Bergkamen'
param publicHostName = ''
param planSku = 'B1'
param botSku = 'F0'
