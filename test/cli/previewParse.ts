// Reads the people-facing outputs of `preview` back into certificate sets, so that every format
// is held to the same answer as the JSON: the CSV by an RFC 4180 parser, the Markdown and text by
// their section headings and table rows.

export interface Classes {
  revoked: string[];
  notRevocable: string[];
  kept: string[];
}

/** RFC 4180: fields separated by commas, records by CRLF, quoted fields with doubled quotes. */
export function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < text.length) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
      } else if (char === '"') {
        quoted = false;
        i++;
      } else {
        field += char;
        i++;
      }
    } else if (char === '"' && field === '') {
      quoted = true;
      i++;
    } else if (char === ',') {
      record.push(field);
      field = '';
      i++;
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i += 2;
    } else if (char === '\n' || char === '\r' || char === '"') {
      throw new Error(`not RFC 4180 at ${i}: ${JSON.stringify(text.slice(Math.max(0, i - 20), i + 20))}`);
    } else {
      field += char;
      i++;
    }
  }
  if (field !== '' || record.length > 0) throw new Error('the last record has no CRLF');
  return records;
}

/** CSV rows as objects by header. */
export function csvObjects(text: string): Record<string, string>[] {
  const [header, ...rows] = parseCsv(text);
  return rows.map((row) => {
    if (row.length !== header.length)
      throw new Error(`a row of ${row.length} fields under a header of ${header.length}`);
    return Object.fromEntries(header.map((name, column) => [name, row[column]]));
  });
}

export function csvClasses(text: string): Classes {
  const rows = csvObjects(text);
  const serials = (status: string) =>
    rows
      .filter((row) => row.status === status)
      .map((row) => row.serialNumber)
      .sort();
  return { revoked: serials('revoked'), notRevocable: serials('not-revocable'), kept: serials('kept') };
}

/** The cells of a Markdown table row: split on unescaped `|`, `\|` read back, code spans unwrapped. */
function markdownCells(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  const inner = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  for (let i = 0; i < inner.length; i++) {
    if (inner[i] === '\\' && inner[i + 1] === '|') {
      cell += '|';
      i++;
    } else if (inner[i] === '|') {
      cells.push(cell);
      cell = '';
    } else {
      cell += inner[i];
    }
  }
  cells.push(cell);
  return cells.map((text) => text.trim().replace(/^(`+) ?([\s\S]*?) ?\1$/, '$2'));
}

/** The table under the first heading that starts with `heading`: header cells and rows of cells. */
export function markdownTable(text: string, heading: string): { header: string[]; rows: string[][] } | undefined {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(heading));
  if (at === -1) throw new Error(`no heading ${heading}`);
  let i = at + 1;
  while (i < lines.length && !lines[i].startsWith('|') && !lines[i].startsWith('#')) i++;
  if (i >= lines.length || !lines[i].startsWith('|')) return undefined;
  const header = markdownCells(lines[i]);
  const rows: string[][] = [];
  for (i += 2; i < lines.length && lines[i].startsWith('|'); i++) rows.push(markdownCells(lines[i]));
  return { header, rows };
}

export function markdownClasses(text: string): Classes {
  const serials = (heading: string) => (markdownTable(text, heading)?.rows ?? []).map((row) => row[0]).sort();
  return { revoked: serials('## Revoked ('), notRevocable: serials('## Not revocable ('), kept: serials('## Kept (') };
}

/** The first column of the aligned rows under a text section heading (`Revoked: 2`), header row left out. */
function textSection(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const at = lines.findIndex((line) => line.startsWith(heading));
  if (at === -1) throw new Error(`no section ${heading}`);
  const serials: string[] = [];
  for (let i = at + 2; i < lines.length && lines[i].startsWith('  '); i++)
    serials.push(lines[i].trim().split(/\s+/)[0]);
  return serials.sort();
}

export function textClasses(text: string): Classes {
  return {
    revoked: textSection(text, 'Revoked:'),
    notRevocable: textSection(text, 'Not revocable'),
    kept: textSection(text, 'Kept:'),
  };
}

export function jsonClasses(json: {
  revoked: { serialNumber: string }[];
  notRevocable: { serialNumber: string }[];
  kept: { serialNumber: string }[];
}): Classes {
  const serials = (list: { serialNumber: string }[]) => list.map((certificate) => certificate.serialNumber).sort();
  return { revoked: serials(json.revoked), notRevocable: serials(json.notRevocable), kept: serials(json.kept) };
}
