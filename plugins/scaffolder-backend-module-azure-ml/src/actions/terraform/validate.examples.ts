import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Validate the Terraform of a generated environment before it is published',
    example: yaml.stringify({
      steps: [
        {
          id: 'validate-terraform',
          action: 'azure-ml:terraform:validate',
          name: 'Validate the generated Terraform',
          input: { path: 'terraform/environments/staging' },
        },
      ],
    }),
  },
  {
    description: 'Report findings without failing the task',
    example: yaml.stringify({
      steps: [
        {
          id: 'lint-terraform',
          action: 'azure-ml:terraform:validate',
          name: 'Report Terraform findings',
          input: { path: 'terraform', failOnIssues: false },
        },
      ],
    }),
  },
];
