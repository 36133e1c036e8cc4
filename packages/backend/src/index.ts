/*
 * The portal's backend (new backend system). Plugins are added statically so that tests and
 * the running backend share one list (see ./features.ts).
 */
import { createBackend } from '@backstage/backend-defaults';
import { backendFeatures } from './features';

const backend = createBackend();
for (const feature of backendFeatures) {
  backend.add(feature);
}
backend.start();
