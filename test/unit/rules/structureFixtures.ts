// Shared by the structure rule tests: the readers of the value rule tests (one service, one
// clock), the structure codes, and the documented example of SPEC §1.
export { applyFix, diagnostics, fixesFor, HEAD, manifest, only, range, service } from './valueFixtures';

export const STRUCTURE_CODES = ['schema', 'unknown-field', 'kind-case', 'field-kind-mismatch'];

/** The documented example of SPEC §1, verbatim (the feature tests' copy). */
export { EXAMPLE as SPEC_EXAMPLE } from '../features/featureHarness';
