// Shared user-defined types. Imported by main.bicep and the modules that need them.

@export()
@description('The invoicing company: printed on every invoice and written into every UBL e-invoice. Each property becomes an app setting `Seller__<Property>`.')
type sellerType = {
  @description('Required. Registered legal name of the seller, e.g. "Contoso Ltd".')
  @minLength(1)
  LegalName: string

  @description('Required. VAT identification number with its country prefix, e.g. "DE123456789".')
  @minLength(1)
  VatId: string

  @description('Required. Street and number of the seller\'s registered address.')
  @minLength(1)
  Street: string

  @description('Required. City of the seller\'s registered address.')
  @minLength(1)
  City: string

  @description('Required. Postal code of the seller\'s registered address.')
  @minLength(1)
  PostalCode: string

  @description('Required. ISO 3166-1 alpha-2 country code of the seller, e.g. "DE". Decides which customers are domestic for VAT.')
  @minLength(2)
  @maxLength(2)
  CountryCode: string

  @description('Required. Reply-to and contact address printed on invoices, e.g. "billing@contoso.com".')
  @minLength(3)
  Email: string

  @description('Required. IBAN that customers pay into; printed on invoices and used to recognise own-account entries in bank files.')
  @minLength(15)
  Iban: string

  @description('Required. BIC of the seller\'s bank.')
  @minLength(8)
  @maxLength(11)
  Bic: string

  @description('Required. Domestic standard VAT rate in percent, as a string, e.g. "19" for 19 %.')
  @minLength(1)
  DomesticVatRate: string

  @description('Required. Prefix of the gap-free invoice number series, e.g. "INV": numbers read INV-2026-000123.')
  @minLength(1)
  InvoiceSeriesPrefix: string
}

@export()
@description('How Cosmos DB is billed: serverless (pay per request, the default) or provisioned throughput with autoscale.')
type cosmosCapacityModeType = 'Serverless' | 'Autoscale'
