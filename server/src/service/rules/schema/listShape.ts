// The shape of a `RenewRevocationList` around its items (each item is checked as a manifest of its
// own): it needs an `items` list, and each item must be a RenewRevocation mapping. A `v1 List` is
// kubectl's list of anything: its items that are not RenewRevocations are simply not ours.
import { isMap, isSeq, type Node, type Scalar } from 'yaml';
import type { ListModel } from '../../parse/documentManifests';
import type { Finding } from '../ruleTypes';
import { findPair, valueSpan, visibleAround } from './yamlPath';

export function listFindings(list: ListModel, text: string): Finding[] {
  if (list.kind !== 'RenewRevocationList') return [];
  const itemsPair = findPair(list.root, 'items');
  if (!itemsPair) {
    const kind = findPair(list.root, 'kind');
    const [start, end] = kind
      ? valueSpan({ node: (kind.value ?? null) as Node | null, key: kind.key as Scalar, exact: true }, text)
      : visibleAround(text, list.root.range?.[0] ?? 0);
    return [
      {
        code: 'schema',
        start,
        end,
        message: 'Missing required field `items`: a RenewRevocationList holds its RenewRevocation objects in `items`',
      },
    ];
  }
  const items = list.items;
  if (!isSeq(items)) {
    const [start, end] = valueSpan({ node: items, key: itemsPair.key as Scalar, exact: true }, text);
    return [{ code: 'schema', start, end, message: '`items` must be a list of RenewRevocation objects' }];
  }
  const findings: Finding[] = [];
  for (const item of items.items) {
    if (isMap(item)) continue;
    const [start, end] = valueSpan({ node: (item ?? null) as Node | null, key: undefined, exact: true }, text);
    findings.push({
      code: 'schema',
      start,
      end,
      message:
        'Each item of `items` must be a RenewRevocation object (a mapping with `apiVersion`, `kind`, `metadata` and `spec`)',
    });
  }
  return findings;
}
