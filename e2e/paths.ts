import path from 'node:path';

/** The backend's log (its stdout) during an e2e run: playwright.config.ts writes it. */
export const backendLog = path.join(__dirname, '..', 'data/e2e/backend.log');
