// One private endpoint for one sub-resource (group) of a service, registered in its private DNS zone.

@description('Required. Name of the private endpoint.')
param name string

@description('Required. Azure region of the private endpoint (the VNet\'s region).')
param location string

@description('Optional. Tags applied to the private endpoint.')
param tags object = {}

@description('Required. Resource id of the service the endpoint connects to.')
param serviceResourceId string

@description('Required. Sub-resource (group id) of the service, e.g. blob, queue, Sql, namespace, vault.')
param groupId string

@description('Required. Resource id of the subnet the endpoint\'s network interface is placed in.')
param subnetId string

@description('Required. Resource id of the private DNS zone that gets the endpoint\'s A record.')
param privateDnsZoneId string

resource endpoint 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: location
  tags: tags
  properties: {
    subnet: {
      id: subnetId
    }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: serviceResourceId
          groupIds: [groupId]
        }
      }
    ]
  }

  resource dnsZoneGroup 'privateDnsZoneGroups' = {
    name: 'default'
    properties: {
      privateDnsZoneConfigs: [
        {
          name: groupId
          properties: {
            privateDnsZoneId: privateDnsZoneId
          }
        }
      ]
    }
  }
}

@description('Resource id of the private endpoint.')
output resourceId string = endpoint.id
