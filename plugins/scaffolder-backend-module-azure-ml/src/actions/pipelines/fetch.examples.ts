import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      "Copy the platform's pipelines (azureMl.scaffolder.pipelinesSource) into the new project, set up for its experiment and compute",
    example: yaml.stringify({
      steps: [
        {
          id: 'pipelines',
          action: 'azure-ml:pipelines:fetch',
          name: 'Fetch pipelines',
          input: {
            experimentName: 'taxi-fare-train',
            computeName: 'cpu-cluster',
            modelName: 'taxi-fare-model',
            registerEnvironment: 'dev',
          },
        },
      ],
    }),
  },
];
