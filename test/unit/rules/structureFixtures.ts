// Shared by the structure rule tests: the readers of the value rule tests (one service, one
// clock), the structure codes, and the documented example of the README, "The manifest".
export { applyFix, diagnostics, fixesFor, HEAD, manifest, only, range, service } from './valueFixtures';

export const STRUCTURE_CODES = ['schema', 'unknown-field', 'kind-case', 'field-kind-mismatch'];

/** The documented example of the README, "The manifest", verbatim (the feature tests' copy). */
export { EXAMPLE as DOCUMENTED_EXAMPLE } from '../features/featureHarness';
