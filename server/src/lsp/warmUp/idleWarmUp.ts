// The first manifest a server validates is slow: V8 runs the parser and the rules in its
// interpreter until they are hot, and the heap grows as it goes (about a third of a cold open of a
// 10,000-entry manifest, bench/README.md). When the editor gives the server idle time after
// start (no document open yet), the server spends it validating and editing a small made-up
// manifest (warmUpManifest.ts), in rounds of a few milliseconds, and stops for good as soon as a
// document is open, after a budget of time, or at shutdown. A message arriving meanwhile waits for
// at most the round under way; nothing of a round is kept or sent.
import type { Disposable } from 'vscode-languageserver';
import { applyChange, type LanguageService } from '../../service/index';
import type { RuntimeEnvironment } from '../runtime';
import { warmUpEdit, warmUpManifest } from './warmUpManifest';

/** After `initialized`, how long the warm-up leaves for the documents the editor opens with the workspace to arrive. */
export const WARM_UP_DELAY_MS = 50;
/** The longest the warm-up runs, from its first round to the start of its last. */
export const WARM_UP_BUDGET_MS = 500;
/** Entries of the made-up manifest, one of each kind: a round takes a few milliseconds, even cold. */
export const WARM_UP_ENTRIES = 13;

export interface IdleWarmUpOptions {
  timer: RuntimeEnvironment['timer'];
  /** Milliseconds from any origin. */
  now: () => number;
  /** True once the server has work of its own (a document is open): no round starts after that. */
  busy: () => boolean;
  /** One round of warm-up work. */
  round: () => void;
  budgetMs?: number;
  delayMs?: number;
}

export interface IdleWarmUp extends Disposable {
  /** Rounds run so far. */
  readonly rounds: number;
}

export function startIdleWarmUp(options: IdleWarmUpOptions): IdleWarmUp {
  const budget = options.budgetMs ?? WARM_UP_BUDGET_MS;
  let pending: Disposable | undefined;
  let started: number | undefined;
  let rounds = 0;
  let stopped = false;

  const next = () => {
    pending = undefined;
    if (stopped || options.busy()) return;
    started ??= options.now();
    if (options.now() - started >= budget) return;
    options.round();
    rounds++;
    // A timer, not setImmediate: the connection handles what it read meanwhile in the check phase
    // of this turn of the event loop, before the next turn's timers run the next round.
    pending = options.timer.setTimeout(next, 0);
  };
  pending = options.timer.setTimeout(next, options.delayMs ?? WARM_UP_DELAY_MS);

  return {
    get rounds() {
      return rounds;
    },
    dispose() {
      stopped = true;
      pending?.dispose();
    },
  };
}

/** A round for `service`: the made-up manifest parsed and validated, edited by one character and validated again. */
export function warmUpRound(service: LanguageService): () => void {
  const text = warmUpManifest(WARM_UP_ENTRIES);
  const edit = warmUpEdit(text);
  return () => {
    const model = service.parse(text, 'yaml');
    service.doValidation(model);
    service.doValidation(service.update(model, [edit], applyChange(text, edit)));
  };
}
