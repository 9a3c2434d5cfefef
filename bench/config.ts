// What a run measures: the sizes of the performance targets and how often each figure is taken, or the small
// sizes of `--quick` (one repetition) that the smoke test runs so that the bench does not rot.

export interface BenchConfig {
  quick: boolean;
  /** Manifest sizes (entries) for the diagnostics latencies. */
  manifestSizes: number[];
  /** yaml-language-server runs up to this size (at 100,000 entries it needs minutes and gigabytes). */
  compareUpTo: number;
  /** The size the diagnostics and feature targets are set at. */
  targetSize: number;
  /** Timed repetitions (after one warm-up) per manifest size, for our server and the floor. */
  repetitions: (entries: number) => number;
  /** Timed repetitions for yaml-language-server. */
  yamlRepetitions: number;
  featureRepetitions: number;
  /** Certificates in the decode-throughput bundle. */
  decodeCount: number;
  decodeRepetitions: number;
  /** Certificates of the inventory built from disk (one per file, as in a PKI folder). */
  inventoryCount: number;
  inventoryRepetitions: number;
  /** Entries of the preview manifest, and the two inventory sizes it runs against (the second 10× the first). */
  previewEntries: number;
  previewCounts: [number, number];
  /** Certificates per file in the folder of the larger preview inventory. */
  largeFolderPerFile: number;
  previewRepetitions: number;
  startupRepetitions: number;
  /** Manifest entries and inventory certificates for the memory figure, and the large manifest's entries. */
  memory: { entries: number; certificates: number; largeEntries: number };
}

export const FULL: BenchConfig = {
  quick: false,
  manifestSizes: [10, 1_000, 10_000, 100_000],
  compareUpTo: 10_000,
  targetSize: 10_000,
  // 11 at 10,000 entries: the findings-dense edits are divided by the few-findings ones, and a
  // median of 5 moved that ratio by a tenth from run to run.
  repetitions: (entries) => (entries >= 100_000 ? 3 : entries >= 10_000 ? 11 : 9),
  yamlRepetitions: 5,
  featureRepetitions: 21,
  decodeCount: 2_000,
  decodeRepetitions: 5,
  inventoryCount: 10_000,
  inventoryRepetitions: 3,
  previewEntries: 1_000,
  previewCounts: [10_000, 100_000],
  largeFolderPerFile: 1_000,
  previewRepetitions: 7,
  startupRepetitions: 7,
  memory: { entries: 10_000, certificates: 10_000, largeEntries: 100_000 },
};

export const QUICK: BenchConfig = {
  quick: true,
  manifestSizes: [10, 1_000],
  compareUpTo: 1_000,
  targetSize: 1_000,
  repetitions: () => 1,
  yamlRepetitions: 1,
  featureRepetitions: 1,
  decodeCount: 200,
  decodeRepetitions: 1,
  inventoryCount: 500,
  inventoryRepetitions: 1,
  previewEntries: 100,
  previewCounts: [500, 5_000],
  largeFolderPerFile: 500,
  previewRepetitions: 1,
  startupRepetitions: 1,
  memory: { entries: 1_000, certificates: 500, largeEntries: 2_000 },
};
