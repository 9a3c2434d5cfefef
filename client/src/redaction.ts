// What the protocol trace must not copy into the log: the bodies of PEM blocks (a private key
// among them) and long base64 runs (kubeconfig `client-key-data`, a Secret's `tls.key`). The
// trace shows every document the editor sends, so without this a verbose trace of a key file
// would write the key into the output channel.
const PEM_BLOCK = /(-----BEGIN ([A-Z0-9 ]+)-----)[\s\S]*?(-----END \2-----)/g;
// A BEGIN line without its END (a key being pasted, a mislabelled END): the body lines after it,
// line breaks raw or JSON-escaped, indented or not (a block scalar in YAML), headers included.
// Each body line: a line break, indentation, one base64 token or header (or nothing), the line's end.
const PEM_BODY_WITHOUT_END =
  /(-----BEGIN [A-Z0-9 ]+-----)((?:(?:\\r\\n|\\n|\r?\n)[ \t]*(?:[A-Za-z0-9+/=]+|[A-Za-z-]+: [^\r\n\\]*)?[ \t]*(?=\\[rn]|[\r\n]|"|$))+)/g;
// 64 or more base64 characters, at least one of them not a hex digit (a SHA-256 fingerprint in
// hex stays readable); a JSON-escaped line break inside the run, and the indentation after it,
// count as part of it.
const BASE64_RUN = /(?:[A-Za-z0-9+/]|\\[nr][ \t]*){64,}={0,2}/g;
const NOT_HEX = /[g-zG-Z+/]/;

export function redactSecrets(text: string): string {
  return text
    .replace(PEM_BLOCK, (_block, begin: string, _label: string, end: string) => `${begin}<redacted>${end}`)
    .replace(PEM_BODY_WITHOUT_END, (_block, begin: string) => `${begin}<redacted>`)
    .replace(BASE64_RUN, (run) =>
      NOT_HEX.test(run.replace(/\\[nr][ \t]*/g, '')) ? `<redacted ${run.length} characters>` : run,
    );
}
