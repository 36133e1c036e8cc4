import { ModelVersionsCard } from '../ModelVersionsCard';
import { PipelineRunsCard } from '../PipelineRunsCard';
import { AzureMlEntityGate } from '../shared';

/** Overview card: the newest model versions of the current entity. */
export function EntityModelsCard(props: { pageSize?: number }) {
  return (
    <AzureMlEntityGate>
      {(annotations, entityRef) => (
        <ModelVersionsCard
          entityRef={entityRef}
          annotations={annotations}
          title="Azure ML model versions"
          pageSize={props.pageSize ?? 5}
        />
      )}
    </AzureMlEntityGate>
  );
}

/** Overview card: the newest pipeline runs of the current entity. */
export function EntityRunsCard(props: { pageSize?: number }) {
  return (
    <AzureMlEntityGate>
      {(annotations, entityRef) => (
        <PipelineRunsCard
          entityRef={entityRef}
          annotations={annotations}
          title="Azure ML pipeline runs"
          pageSize={props.pageSize ?? 5}
        />
      )}
    </AzureMlEntityGate>
  );
}
