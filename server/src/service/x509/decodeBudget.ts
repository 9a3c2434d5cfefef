// A time budget per certificate. Our DER readers walk iteratively and in linear time, so a file
// under maxFileSize cannot nest them too deep or hold them long; but a certificate of millions
// of tiny elements (a subject of 400,000 empty attributes, a SAN of 2 million empty names) is
// still millions of steps, and each step of the decoder's output (names, lists) costs more than
// the read. The budget refuses such a certificate with a message instead of holding the editor.
// Decoding is synchronous, so one budget at a time is enough: `withinBudget` sets it for the
// duration of one decode and DerReader spends from it on each element it reads.

/** The budget ran out: the whole certificate is refused, so readers that turn errors into notes rethrow it. */
export class BudgetExceeded extends Error {}

/** Rethrows a BudgetExceeded; for catch blocks that report other errors and go on. */
export function rethrowIfOverBudget(error: unknown): void {
  if (error instanceof BudgetExceeded) throw error;
}

/** How long one certificate may take to decode. Honest certificates take well under 50 ms. */
export const CERTIFICATE_BUDGET_MS = 1000;

// The clock is read once every this many elements: reading it per element would cost more than
// the reads it guards.
const ELEMENTS_PER_CHECK = 1024;

let deadline = Number.POSITIVE_INFINITY;
let budgetMs = 0;
let untilCheck = ELEMENTS_PER_CHECK;

/** Runs `read` with `milliseconds` to spend; BudgetExceeded when it runs out. */
export function withinBudget<T>(milliseconds: number, read: () => T): T {
  const outer = { deadline, budgetMs };
  deadline = performance.now() + milliseconds;
  budgetMs = milliseconds;
  untilCheck = ELEMENTS_PER_CHECK;
  try {
    return read();
  } finally {
    deadline = outer.deadline;
    budgetMs = outer.budgetMs;
  }
}

/** One element's worth of work; throws BudgetExceeded once the budget is spent. */
export function spendBudget(): void {
  if (--untilCheck > 0) return;
  untilCheck = ELEMENTS_PER_CHECK;
  checkBudget();
}

/** Throws BudgetExceeded if the budget is spent (before work that reads no element, such as a library call). */
export function checkBudget(): void {
  if (performance.now() > deadline) {
    throw new BudgetExceeded(
      `it takes longer than ${budgetMs} ms to decode (millions of elements, say), more than the decoder spends on one certificate`,
    );
  }
}
