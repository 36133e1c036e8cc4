import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';
import { stagingEnvironment } from './validate.examples';

export const examples: TemplateExample[] = [
  {
    description:
      'Render terraform.tfvars and backend.hcl of a new environment into terraform/environments/staging',
    example: yaml.stringify({
      steps: [
        {
          id: 'render',
          action: 'azure-ml:environment:render',
          name: 'Render the environment values',
          input: {
            ...stagingEnvironment,
            jumpboxSshPublicKey:
              'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIStagingJumpboxKey platform@example',
          },
        },
      ],
    }),
  },
];
