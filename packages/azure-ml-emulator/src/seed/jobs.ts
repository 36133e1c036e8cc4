import {
  AUTHORS,
  DEV,
  EXPERIMENT_NAME,
  MODEL_NAME,
  PIPELINE_PRINCIPAL,
  PIPELINE_STEPS,
  SeedEnvironment,
  TENANT_ID,
} from './constants';
import { SeededRandom } from './random';
import { HOUR, formatTimestamp } from './timestamps';
import { EmulatorState } from '../state/types';
import { key, mlResourceId } from '../state/ids';
import { getOrCreateScope } from '../state/mlResources';

/* Pipeline runs: a parent pipeline job and one child job per step. */

const ADJECTIVES = [
  'sincere',
  'frosty',
  'brave',
  'jolly',
  'placid',
  'witty',
  'quirky',
  'bold',
  'calm',
  'eager',
  'gentle',
  'lucid',
];
const NOUNS = [
  'tail',
  'lamp',
  'river',
  'engine',
  'pepper',
  'kettle',
  'garden',
  'rocket',
  'window',
  'pebble',
  'lantern',
  'violin',
];

export interface SeededJob {
  name: string;
  status: string;
  createdAt: number;
}

function childStatuses(status: string, random: SeededRandom): string[] {
  const n = PIPELINE_STEPS.length;
  switch (status) {
    case 'Completed':
      return Array(n).fill('Completed');
    case 'Failed':
    case 'Canceled':
    case 'CancelRequested':
    case 'Running':
    case 'NotResponding':
    case 'Paused':
    case 'Finalizing': {
      const at = status === 'Finalizing' ? n - 1 : random.int(0, n - 1);
      const after =
        status === 'Failed' || status === 'Canceled'
          ? 'Canceled'
          : 'NotStarted';
      return PIPELINE_STEPS.map((_, i) => {
        if (i < at) return 'Completed';
        return i === at ? status : after;
      });
    }
    default:
      // Not started yet: the first step mirrors the pipeline, the others wait.
      return PIPELINE_STEPS.map((_, i) => (i === 0 ? status : 'NotStarted'));
  }
}

/** A binding of a step's input or output to another node's, as in the pipeline YAML. */
const binding = (expression: string, kind: 'input' | 'output') =>
  kind === 'input'
    ? { job_input_type: 'literal', value: `\${{${expression}}}` }
    : { type: 'literal', value: `\${{${expression}}}` };

/**
 * The `jobs` of a pipeline job: the step definitions of pipelines/taxi-fare-train-pipeline.yaml
 * (five command steps, the gate is data: compare writes a decision folder that register reads),
 * in the form azure-ai-ml submits them (`componentId`, `computeId`, bindings as literal
 * inputs/outputs). Definitions only: ARM keeps no step status here.
 */
function pipelineStepDefinitions(computeId: string): Record<string, unknown> {
  const inputs = (bindings: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(bindings).map(([name, expression]) => [
        name,
        binding(expression, 'input'),
      ]),
    );
  const outputs = (bindings: Record<string, string>) =>
    Object.fromEntries(
      Object.entries(bindings).map(([name, expression]) => [
        name,
        binding(expression, 'output'),
      ]),
    );
  const step = (
    name: string,
    io: { inputs: Record<string, string>; outputs?: Record<string, string> },
  ) => ({
    type: 'command',
    name,
    componentId: `azureml://registries/${DEV.registry}/components/taxi_fare_${name}/versions/1`,
    computeId,
    inputs: inputs(io.inputs),
    outputs: outputs(io.outputs ?? {}),
    _source: 'YAML.COMPONENT',
  });
  return {
    transform: step('transform', {
      inputs: {
        raw_data: 'parent.inputs.raw_data',
        seed: 'parent.inputs.seed',
      },
    }),
    train: step('train', {
      inputs: {
        train_data: 'parent.jobs.transform.outputs.train_data',
        test_data: 'parent.jobs.transform.outputs.test_data',
        seed: 'parent.inputs.seed',
      },
      outputs: {
        model_output: 'parent.outputs.model',
        metrics_output: 'parent.outputs.metrics',
      },
    }),
    compare: step('compare', {
      inputs: {
        candidate_model: 'parent.jobs.train.outputs.model_output',
        test_data: 'parent.jobs.transform.outputs.test_data',
        model_name: 'parent.inputs.model_name',
        registry_name: 'parent.inputs.registry_name',
      },
      outputs: { decision: 'parent.outputs.decision' },
    }),
    register: step('register', {
      inputs: {
        model: 'parent.jobs.train.outputs.model_output',
        metrics: 'parent.jobs.train.outputs.metrics_output',
        decision: 'parent.jobs.compare.outputs.decision',
        model_name: 'parent.inputs.model_name',
        registry_name: 'parent.inputs.registry_name',
      },
      outputs: { registration: 'parent.outputs.registration' },
    }),
    score: step('score', {
      inputs: {
        model: 'parent.jobs.train.outputs.model_output',
        data: 'parent.jobs.transform.outputs.test_data',
      },
      outputs: { predictions: 'parent.outputs.test_predictions' },
    }),
  };
}

export function addPipelineJobs(
  state: EmulatorState,
  env: SeedEnvironment,
  statuses: readonly string[],
  random: SeededRandom,
  base: number,
): SeededJob[] {
  const workspaceId = mlResourceId(
    env.subscriptionId,
    env.resourceGroup,
    'workspaces',
    env.workspace,
  );
  const workspace = state.workspaces[key(workspaceId)];
  const scope = getOrCreateScope(state, workspaceId, 'workspace');
  const computeId = `${workspaceId}/computes/cpu-cluster`;
  const tracking = workspace.properties.mlFlowTrackingUri as string;
  const jobs: SeededJob[] = [];
  statuses.forEach((status, index) => {
    const name = `${random.pick(ADJECTIVES)}_${random.pick(
      NOUNS,
    )}_${random.alnum(10)}`;
    const createdAt = base + index * 36 * HOUR + random.int(0, 5 * HOUR);
    const scheduled = index % 3 !== 1;
    const author = scheduled ? PIPELINE_PRINCIPAL : random.pick(AUTHORS);
    const authorType = scheduled ? 'Application' : 'User';
    const steps = childStatuses(status, random);
    const stepJobs = pipelineStepDefinitions(computeId);
    const services = (jobName: string) => ({
      Tracking: {
        jobServiceType: 'Tracking',
        endpoint: tracking,
        status: null,
        errorMessage: null,
        port: null,
        properties: null,
      },
      Studio: {
        jobServiceType: 'Studio',
        endpoint: `https://ml.azure.com/runs/${jobName}?wsid=${workspaceId}&tid=${TENANT_ID}`,
        status: null,
        errorMessage: null,
        port: null,
        properties: null,
      },
    });
    const createdIso = formatTimestamp(createdAt, 0, 7);
    scope.jobs[name] = {
      id: `${workspaceId}/jobs/${name}`,
      name,
      type: 'Microsoft.MachineLearningServices/workspaces/jobs',
      properties: {
        description:
          'Transform (fixed test split), train (MLflow model), compare with the registry champion on the same test split, register when the policy passes, score the candidate on the test split.',
        tags: {
          model: MODEL_NAME,
          trigger: scheduled ? 'schedule' : 'manual',
          environment: env.name,
        },
        properties: {
          'azureml.runsource': 'azureml.PipelineRun',
          runSource: 'MFE',
          runType: 'HTTP',
          'azureml.parameters': '{}',
          'azureml.continue_on_step_failure': 'False',
          'azureml.pipelineComponent': 'pipelinerun',
        },
        displayName: `taxi-fare-train #${index + 1}`,
        status,
        experimentName: EXPERIMENT_NAME,
        services: services(name),
        computeId,
        isArchived: false,
        jobType: 'Pipeline',
        settings: {
          default_compute: computeId,
          continue_on_step_failure: false,
          _source: 'YAML.JOB',
        },
        inputs: {
          raw_data: {
            jobInputType: 'uri_folder',
            mode: 'ReadOnlyMount',
            uri: 'azureml:taxi-raw-data:1',
          },
          model_name: { jobInputType: 'literal', value: MODEL_NAME },
          registry_name: { jobInputType: 'literal', value: DEV.registry },
          seed: { jobInputType: 'literal', value: '42' },
        },
        outputs: {
          model: { jobOutputType: 'mlflow_model', mode: 'ReadWriteMount' },
          metrics: { jobOutputType: 'uri_folder', mode: 'ReadWriteMount' },
          decision: { jobOutputType: 'uri_folder', mode: 'ReadWriteMount' },
          registration: { jobOutputType: 'uri_folder', mode: 'ReadWriteMount' },
          test_predictions: {
            jobOutputType: 'uri_folder',
            mode: 'ReadWriteMount',
          },
        },
        jobs: stepJobs,
      },
      systemData: {
        createdAt: createdIso,
        createdBy: author,
        createdByType: authorType,
        lastModifiedAt: createdIso,
        lastModifiedBy: author,
        lastModifiedByType: authorType,
      },
    };
    PIPELINE_STEPS.forEach((step, i) => {
      const childName = random.guid();
      const childCreated = formatTimestamp(
        createdAt + (i + 1) * 4 * 60_000,
        0,
        7,
      );
      scope.jobs[childName] = {
        id: `${workspaceId}/jobs/${childName}`,
        name: childName,
        type: 'Microsoft.MachineLearningServices/workspaces/jobs',
        properties: {
          description: null,
          tags: {},
          properties: {
            'azureml.pipelinerunid': name,
            'azureml.nodeid': step,
            'azureml.moduleName': `taxi_fare_${step}`,
            'azureml.runsource': 'azureml.StepRun',
            StepType: 'PythonScriptStep',
          },
          displayName: step,
          status: steps[i],
          experimentName: EXPERIMENT_NAME,
          services: services(childName),
          computeId,
          isArchived: false,
          jobType: 'Command',
          command: `python ${step}.py`,
          environmentId: `azureml://registries/${DEV.registry}/environments/taxi-fare-train/versions/3`,
          codeId: null,
          inputs: {},
          outputs: {},
        },
        systemData: {
          createdAt: childCreated,
          createdBy: author,
          createdByType: authorType,
          lastModifiedAt: childCreated,
          lastModifiedBy: author,
          lastModifiedByType: authorType,
        },
      };
    });
    jobs.push({ name, status, createdAt });
  });
  return jobs;
}
