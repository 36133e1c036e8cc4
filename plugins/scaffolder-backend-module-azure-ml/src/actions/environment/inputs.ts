import { AZURE_REGIONS } from './rules';

/**
 * Descriptions of the environment inputs that azure-ml:environment:validate and
 * azure-ml:environment:render both take. Each action declares its own zod schema with them: a
 * schema object shared between files would have to be exported, and the zod types
 * scaffolder-node brings along cannot be named in declaration output.
 */
export const environmentInputDescriptions = {
  name: 'Environment name (purpose), e.g. "staging" or "nlp-dev": 2-12 lowercase letters, digits and single hyphens',
  location: `Azure region, one of: ${AZURE_REGIONS.join(', ')}`,
  addressSpace:
    'VNet address space in CIDR notation, e.g. 10.30.0.0/16; must not overlap an existing environment',
  subnets: 'Subnet prefixes inside the VNet; they must not overlap',
  privateEndpointsSubnet:
    'Subnet for private endpoints, inside the VNet, e.g. 10.30.1.0/24',
  bastionSubnet: 'AzureBastionSubnet, /26 or larger, e.g. 10.30.2.0/26',
  jumpboxSubnet: 'Jumpbox subnet, e.g. 10.30.3.0/24',
  tags: 'Azure tags (key → value). Quotes, backslashes, "${", "%{" and line breaks are rejected',
  owner: 'Owning group entity ref, e.g. group:default/ml-platform',
  dnsResourceGroup:
    'Central shared DNS resource group holding the Azure ML private DNS zones, e.g. rg-aml-dns',
};
