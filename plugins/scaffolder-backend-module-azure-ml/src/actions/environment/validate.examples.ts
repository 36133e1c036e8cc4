import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/** A new environment beside the seed's dev (10.10.0.0/16) and prod (10.20.0.0/16). */
export const stagingEnvironment = {
  name: 'staging',
  location: 'westeurope',
  addressSpace: '10.30.0.0/16',
  subnets: {
    privateEndpoints: '10.30.1.0/24',
    bastion: '10.30.2.0/26',
    jumpbox: '10.30.3.0/24',
  },
  tags: { 'cost-center': 'ml', criticality: 'medium' },
  owner: 'group:default/ml-platform',
  dnsResourceGroup: 'rg-aml-dns',
};

export const examples: TemplateExample[] = [
  {
    description:
      'Validate a new environment against Azure naming rules and the address spaces of the environments in the catalog',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate',
          action: 'azure-ml:environment:validate',
          name: 'Validate the environment',
          input: stagingEnvironment,
        },
      ],
    }),
  },
];
