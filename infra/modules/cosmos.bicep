// Cosmos DB for NoSQL: one database, four containers, keys off (Entra ID data-plane RBAC only; the
// sqlRoleAssignments live in rbac.bicep).
import { cosmosCapacityModeType } from 'types.bicep'

@description('Required. Globally unique name of the Cosmos DB account.')
@minLength(3)
@maxLength(44)
param accountName string

@description('Required. Azure region of the account (its single write region).')
param location string

@description('Optional. Tags applied to the account.')
param tags object = {}

@description('Optional. Name of the SQL database.')
param databaseName string = 'billing'

@description('Optional. Serverless (pay per request; no cost at rest) or Autoscale (provisioned throughput shared by the database\'s containers). An existing account cannot switch between the two in place.')
param capacityMode cosmosCapacityModeType = 'Serverless'

@description('Optional. Autoscale ceiling in RU/s for the database when capacityMode is Autoscale (it scales between 10 % of this and this).')
@minValue(1000)
param autoscaleMaxThroughput int = 1000

@description('Optional. True when a private endpoint fronts the account: public network access is then disabled.')
param privateNetworking bool = false

@description('Optional. Days of continuous backup: any second of the last 7 (free) or 30 days can be restored into a new account. Switching an account from periodic to continuous backup is one-way.')
@allowed([7, 30])
param continuousBackupDays int = 30

var serverless = capacityMode == 'Serverless'

// The `billing` container holds every document of an account (the account itself, subscriptions,
// invoices, payments, dunning notices) under the partition key /accountId. Writes dominate reads
// there, and each indexed path costs RUs on every write, so the policy indexes only the properties
// that queries filter or sort on and excludes everything else (`/*`):
//   /type        every query selects one document kind
//   /accountId   the partition key (single-partition queries)
//   /status      open / paid / overdue invoices, active subscriptions
//   /dueDate     overdue invoices for dunning, AR aging
//   /issueDate   billed revenue per period
//   /number      invoice look-up by its number (payment matching by reference)
//   /nextChargeDate  subscriptions due on the billing date
//   /currency    open invoices of one currency (payment matching)
//   /creditorReference  invoice look-up by its RF reference
//   /bankReference, /endToEndId  payments by the bank's references (returns); /bookingDate payments of a period
//   /state       dunning notices by state
//   /paidDate    invoices paid after a date (reports); /sentAt dunning notices sent in a window (reports)
//   composite (x, /accountId, /id)  the order of a paged query on x (timers page open invoices by /status
//                and due billing states by /nextChargeDate, each page after the last key of the one before)
// (the same list as DocumentFilter.Indexed in Billing.Core: a query may filter on exactly these).
// A query on any other property still works but scans; add its path here before relying on it.
var billingIndexingPolicy = {
  indexingMode: 'consistent'
  automatic: true
  includedPaths: [
    { path: '/type/?' }
    { path: '/accountId/?' }
    { path: '/status/?' }
    { path: '/dueDate/?' }
    { path: '/issueDate/?' }
    { path: '/number/?' }
    { path: '/nextChargeDate/?' }
    { path: '/currency/?' }
    { path: '/creditorReference/?' }
    { path: '/bankReference/?' }
    { path: '/endToEndId/?' }
    { path: '/bookingDate/?' }
    { path: '/state/?' }
    { path: '/paidDate/?' }
    { path: '/sentAt/?' }
  ]
  compositeIndexes: [
    [
      { path: '/status', order: 'ascending' }
      { path: '/accountId', order: 'ascending' }
      { path: '/id', order: 'ascending' }
    ]
    [
      { path: '/nextChargeDate', order: 'ascending' }
      { path: '/accountId', order: 'ascending' }
      { path: '/id', order: 'ascending' }
    ]
  ]
  excludedPaths: [
    { path: '/*' }
    { path: '/"_etag"/?' }
  ]
}

// The smaller containers keep Cosmos' default policy (everything indexed): their documents are
// few and written rarely (bank-file records, report snapshots, invoice number sequences).
var containers = [
  { name: 'billing', partitionKey: '/accountId', indexingPolicy: billingIndexingPolicy }
  { name: 'bankfiles', partitionKey: '/fileId', indexingPolicy: null }
  { name: 'reports', partitionKey: '/report', indexingPolicy: null }
  { name: 'sequences', partitionKey: '/series', indexingPolicy: null }
]

resource account 'Microsoft.DocumentDB/databaseAccounts@2024-11-15' = {
  name: accountName
  location: location
  tags: tags
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [
      {
        locationName: location
        failoverPriority: 0
        isZoneRedundant: false
      }
    ]
    consistencyPolicy: {
      defaultConsistencyLevel: 'Session'
    }
    capabilities: serverless ? [{ name: 'EnableServerless' }] : []
    disableLocalAuth: true
    disableKeyBasedMetadataWriteAccess: true
    minimalTlsVersion: 'Tls12'
    publicNetworkAccess: privateNetworking ? 'Disabled' : 'Enabled'
    enableAutomaticFailover: false
    enableFreeTier: false
    // Point-in-time restore (README "Recovery"). Serverless and autoscale accounts both support it;
    // an account with continuous backup cannot go back to periodic backup.
    backupPolicy: {
      type: 'Continuous'
      continuousModeProperties: {
        tier: continuousBackupDays == 7 ? 'Continuous7Days' : 'Continuous30Days'
      }
    }
  }

  resource database 'sqlDatabases' = {
    name: databaseName
    properties: {
      resource: {
        id: databaseName
      }
      // Serverless accounts take no throughput setting; provisioned ones share autoscale RU/s.
      options: serverless ? {} : { autoscaleSettings: { maxThroughput: autoscaleMaxThroughput } }
    }

    resource sqlContainers 'containers' = [
      for container in containers: {
        name: container.name
        properties: {
          resource: union(
            {
              id: container.name
              partitionKey: {
                paths: [container.partitionKey]
                kind: 'Hash'
                version: 2
              }
            },
            container.indexingPolicy == null ? {} : { indexingPolicy: container.indexingPolicy }
          )
        }
      }
    ]
  }
}

@description('Name of the Cosmos DB account.')
output accountName string = account.name

@description('Document endpoint of the account, e.g. https://<name>.documents.azure.com:443/.')
output endpoint string = account.properties.documentEndpoint

@description('Name of the SQL database.')
output databaseName string = account::database.name

@description('Resource id of the Cosmos DB account.')
output resourceId string = account.id
