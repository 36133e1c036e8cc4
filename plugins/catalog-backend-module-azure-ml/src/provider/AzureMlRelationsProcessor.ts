import {
  Entity,
  getCompoundEntityRef,
  parseEntityRef,
  RELATION_DEPENDENCY_OF,
  RELATION_DEPENDS_ON,
  RELATION_HAS_PART,
  RELATION_PART_OF,
} from '@backstage/catalog-model';
import {
  CatalogProcessor,
  CatalogProcessorEmit,
  LocationSpec,
  processingResult,
} from '@backstage/plugin-catalog-node';

import {
  AzureMlAnnotationError,
  getAzureMlAnnotations,
} from '@internal/plugin-azure-ml-common';
import { ANNOTATIONS, entityNames, RESOURCE_TYPES } from './entities';

/**
 * Relations that Resource specs cannot express: an entity that declares models in
 * `ml.azure.com/models` depends on their `ai-model` Resources (the taxi-fare Component shows
 * its model), and workspaces and registries are part of their environment.
 */
export class AzureMlRelationsProcessor implements CatalogProcessor {
  getProcessorName(): string {
    return 'AzureMlRelationsProcessor';
  }

  async postProcessEntity(
    entity: Entity,
    _location: LocationSpec,
    emit: CatalogProcessorEmit,
  ): Promise<Entity> {
    const self = getCompoundEntityRef(entity);
    const both = (
      target: { kind: string; namespace: string; name: string },
      forward: string,
      reverse: string,
    ) => {
      emit(processingResult.relation({ source: self, type: forward, target }));
      emit(
        processingResult.relation({
          source: target,
          type: reverse,
          target: self,
        }),
      );
    };

    const isResource = entity.kind.toLocaleLowerCase('en-US') === 'resource';
    const environmentRef =
      entity.metadata.annotations?.[ANNOTATIONS.environmentRef];
    if (isResource && environmentRef) {
      both(parseEntityRef(environmentRef), RELATION_PART_OF, RELATION_HAS_PART);
    }

    if (isResource && entity.spec?.type === RESOURCE_TYPES.model) {
      return entity;
    }
    let models: string[] = [];
    try {
      models = getAzureMlAnnotations(entity).models;
    } catch (error) {
      // A malformed annotation is reported by the Azure ML tab; it yields no relation here.
      if (!(error instanceof AzureMlAnnotationError)) throw error;
    }
    for (const model of models) {
      both(
        {
          kind: 'resource',
          namespace: 'default',
          name: entityNames.model(model),
        },
        RELATION_DEPENDS_ON,
        RELATION_DEPENDENCY_OF,
      );
    }
    return entity;
  }
}
