// Optional private networking (main.bicep's vnetEnabled): a VNet with one subnet for the app's
// outbound VNet integration and one for private endpoints, plus the private DNS zones that make
// the services' normal host names resolve to those endpoints from inside the VNet.

@description('Required. Name of the virtual network.')
param name string

@description('Required. Azure region of the virtual network.')
param location string

@description('Optional. Tags applied to every resource of this module.')
param tags object = {}

@description('Optional. Address space of the virtual network.')
param addressPrefix string = '10.0.0.0/16'

@description('Optional. Subnet for Flex Consumption VNet integration (delegated to Microsoft.App/environments; /27 or larger).')
param appSubnetPrefix string = '10.0.1.0/24'

@description('Optional. Subnet for the private endpoints.')
param privateEndpointSubnetPrefix string = '10.0.2.0/24'

@description('Required. Private DNS zone names to create and link to the VNet (e.g. privatelink.blob.core.windows.net).')
param privateDnsZoneNames string[]

resource vnet 'Microsoft.Network/virtualNetworks@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    addressSpace: {
      addressPrefixes: [addressPrefix]
    }
    subnets: [
      {
        name: 'app'
        properties: {
          addressPrefix: appSubnetPrefix
          delegations: [
            {
              name: 'flex-consumption'
              properties: {
                serviceName: 'Microsoft.App/environments'
              }
            }
          ]
        }
      }
      {
        name: 'private-endpoints'
        properties: {
          addressPrefix: privateEndpointSubnetPrefix
          privateEndpointNetworkPolicies: 'Disabled'
        }
      }
    ]
  }

  resource appSubnet 'subnets' existing = {
    name: 'app'
  }

  resource privateEndpointSubnet 'subnets' existing = {
    name: 'private-endpoints'
  }
}

resource zones 'Microsoft.Network/privateDnsZones@2024-06-01' = [
  for zoneName in privateDnsZoneNames: {
    name: zoneName
    location: 'global'
    tags: tags
  }
]

resource zoneLinks 'Microsoft.Network/privateDnsZones/virtualNetworkLinks@2024-06-01' = [
  for (zoneName, i) in privateDnsZoneNames: {
    parent: zones[i]
    name: '${name}-link'
    location: 'global'
    tags: tags
    properties: {
      registrationEnabled: false
      virtualNetwork: {
        id: vnet.id
      }
    }
  }
]

@description('Resource id of the subnet for the app\'s VNet integration.')
output appSubnetId string = vnet::appSubnet.id

@description('Resource id of the subnet for private endpoints.')
output privateEndpointSubnetId string = vnet::privateEndpointSubnet.id

@description('Resource ids of the private DNS zones, in the order of privateDnsZoneNames.')
output privateDnsZoneIds string[] = [for (zoneName, i) in privateDnsZoneNames: zones[i].id]
