// What a hover section reads and returns: the target under the cursor and the context (the
// clock, the inventory). The sections live in several files (entryHover.ts, entryMatchFeatures.ts)
// and hover.ts lists them; these types sit apart so that no section depends on that list.
import type { EntryModel, FieldRef, ManifestModel } from '../manifest/manifestModel';
import type { FileModel } from '../parse/fileModel';
import type { InventoryContext } from './inventoryContext';
import type { ObjectScope } from './schemaScopes';

/** What the hover is about. */
export interface HoverTarget {
  manifest: ManifestModel;
  scope: ObjectScope;
  key: string;
  part: 'key' | 'value';
  /** The hovered node: the key, or the value as written (quotes included). */
  start: number;
  end: number;
  /** The entry the hovered field belongs to, with the field as the model read it. */
  entry: EntryModel | undefined;
  field: FieldRef | undefined;
}

/** What sections may read besides the target. */
export interface HoverContext {
  now: Date;
  /** The inventory version (and the hovered file, matched against it once per version). */
  inventory?: InventoryContext & { file: FileModel };
}

/** One part of a hover: markdown, or undefined when it has nothing to say about the target. */
export type HoverSection = (target: HoverTarget, context: HoverContext) => string | undefined;
