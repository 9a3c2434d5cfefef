// schema and unknown-field: each RenewRevocation manifest's data (a document, or a List item)
// checked by the validators that
// the build compiled from schemas/renewrevocation.schema.json (no schema is compiled at run
// time; entries one by one when they allow it, see schema/entryValidation.ts), its errors
// rephrased and placed by schema/schemaFindings.ts.
import { visit, type Node } from 'yaml';
import type { ManifestModel } from '../manifest/manifestModel';
import { MAX_ALIAS_COUNT, type FileModel } from '../parse/fileModel';
import { settled } from '../parse/staleEntries';
import { listFindings } from './schema/listShape';
import type { Finding, RuleFamily } from './ruleTypes';
import { readDocumentData, type DocumentData } from './schema/documentData';
import { schemaErrorParts, schemaErrors } from './schema/entryValidation';
import { findingsByParts } from './schema/keptSchemaFindings';
import { schemaFindings } from './schema/schemaFindings';
import { visibleAround } from './schema/yamlPath';

export const schemaRules: RuleFamily = {
  name: 'schema',
  codes: ['schema', 'empty-entry', 'unknown-field'],
  check({ file }, report) {
    for (const document of file.documents) {
      if (document.list && document.errors.length === 0)
        for (const finding of listFindings(document.list, file.text)) report(finding);
    }
    for (const manifest of file.manifests) {
      // A document that does not parse is half read: checking its shape would report fields as
      // missing that are only hidden behind the syntax error (yaml-syntax reports that error).
      if (manifest.document.errors.length > 0) continue;
      const data = readData(manifest, file);
      if ('problem' in data) {
        report(data.problem);
        continue;
      }
      const source = {
        text: file.text,
        root: manifest.root as Node,
        documentStart: manifest.root.range?.[0] ?? manifest.document.start,
        data: data.value,
      };
      // Entry by entry when the document allows it: each entry's findings are kept with it.
      const parts = schemaErrorParts(data);
      // All at once, an error may be in any entry: their nodes must be where the text has them.
      const findings = parts
        ? findingsByParts(parts, data.entries ?? [], source)
        : schemaFindings(schemaErrors(data), { ...source, root: settledRoot(manifest, file) });
      for (const finding of findings) report(finding);
    }
  },
};

/** The manifest's root, with every entry's nodes where the text has them (see parse/staleEntries.ts). */
function settledRoot(manifest: ManifestModel, file: FileModel): Node {
  settled(file);
  return manifest.root;
}

/** The document as plain data, or a finding that says why it cannot be read (never an exception). */
function readData(manifest: ManifestModel, file: FileModel): DocumentData | { problem: Finding } {
  const text = file.text;
  try {
    return readDocumentData(manifest, text);
  } catch (error) {
    settled(file);
    const [start, end] =
      firstAliasSpan(manifest.root) ?? visibleAround(text, manifest.root.range?.[0] ?? manifest.document.start);
    const reason = error instanceof Error ? error.message : String(error);
    const message = /excessive alias count/i.test(reason)
      ? `This document expands its aliases (\`*name\`) more than ${MAX_ALIAS_COUNT} times, like an alias bomb; its structure was not checked: write the values out instead of repeating aliases`
      : `This document cannot be read as data (${reason}); its structure was not checked`;
    return { problem: { code: 'schema', start, end, message } };
  }
}

function firstAliasSpan(root: Node): [number, number] | undefined {
  let span: [number, number] | undefined;
  visit(root, {
    Alias(_key, node) {
      if (node.range) span = [node.range[0], node.range[1]];
      return visit.BREAK;
    },
  });
  return span;
}
