import { ArmRoute } from '../arm/router';
import { resourceNotFound } from '../arm/errors';
import { parseTimestamp } from '../seed/timestamps';
import { ArmResource } from '../state/types';
import {
  listPage,
  matchesKeyValueFilter,
  matchesListView,
  mlScopeOf,
  ok,
} from './common';
import { own } from '../state/own';

const JOBS =
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.MachineLearningServices/workspaces/{workspaceName}/jobs';
/** Step runs of a pipeline carry their parent's name in this user property. */
export const PIPELINE_RUN_PROPERTY = 'azureml.pipelinerunid';

const isChildJob = (job: ArmResource) =>
  Boolean(job.properties.properties?.[PIPELINE_RUN_PROPERTY]);

const newestFirst = (a: ArmResource, b: ArmResource) =>
  parseTimestamp(b.systemData?.createdAt) -
    parseTimestamp(a.systemData?.createdAt) || a.name.localeCompare(b.name);

/** `tag=key` or `tag=key=value` (the spec documents the key form). */
function matchesTag(job: ArmResource, tag: string | null) {
  return matchesKeyValueFilter(job.properties.tags, tag);
}

export const jobRoutes: ArmRoute[] = [
  {
    operationId: 'Jobs_List',
    method: 'GET',
    path: JOBS,
    provider: 'MachineLearningServices',
    handle: ctx => {
      const scope = mlScopeOf(ctx, 'workspace');
      const jobType = ctx.query('jobType');
      const properties = ctx.query('properties');
      // Like the studio, the list shows top-level jobs; a pipeline's step runs are listed by
      // asking for them: properties=azureml.pipelinerunid=<pipeline job name>.
      const wantsChildren = (properties ?? '')
        .toLowerCase()
        .includes(PIPELINE_RUN_PROPERTY);
      const items = Object.values(scope.jobs)
        .filter(job => wantsChildren || !isChildJob(job))
        .filter(
          job =>
            !jobType ||
            String(job.properties.jobType).toLowerCase() ===
              jobType.toLowerCase(),
        )
        .filter(job => matchesTag(job, ctx.query('tag')))
        .filter(job =>
          matchesKeyValueFilter(job.properties.properties, properties),
        )
        .filter(job => matchesListView(job, ctx.query('listViewType')))
        .sort(newestFirst);
      return listPage(ctx, items);
    },
  },
  {
    operationId: 'Jobs_Get',
    method: 'GET',
    path: `${JOBS}/{id}`,
    provider: 'MachineLearningServices',
    handle: ctx => {
      const job = own(mlScopeOf(ctx, 'workspace').jobs, ctx.params.id);
      if (!job)
        throw resourceNotFound(
          'Microsoft.MachineLearningServices/workspaces/jobs',
          ctx.params.id,
          ctx.params.resourceGroupName,
        );
      return ok(job);
    },
  },
];
