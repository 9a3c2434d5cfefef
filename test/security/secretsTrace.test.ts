// The client's protocol trace (renewRevocation.trace.server) copies every document the editor
// sends into the output channel; the client writes it through redactingChannel (client/src), so
// no key of the secrets corpus reaches the log. The trace here is the real one: the JSON-RPC
// library's tracer over a real connection, at every level and format, formatted as the language
// client formats it (its `trace`/`traceObject`), written to the redacting channel. VS Code itself is
// not here: its output channel is a sink that records what it is given (the editor test
// test/editor/suite/traceRedaction.test.ts reads the real one).
import { PassThrough } from 'node:stream';
import { after, test } from 'node:test';
import type { LogOutputChannel } from 'vscode';
import {
  createProtocolConnection,
  StreamMessageReader,
  StreamMessageWriter,
  Trace,
  TraceFormat,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { redactingChannel } from '../../client/src/redactingChannel';
import { assertNoKeyMaterial } from '../unit/x509/helpers/keyMaterial';
import { makeSecretsCorpus } from './secretsCorpus';

const corpus = makeSecretsCorpus();
after(() => corpus.remove());

/** The output channel: records every line the client writes, whatever the level. */
function recordingChannel(lines: string[]): LogOutputChannel {
  const record = (message: unknown) => lines.push(String(message));
  const sink = {
    trace: record,
    debug: record,
    info: record,
    warn: record,
    error: record,
    append: record,
    appendLine: record,
    replace: record,
  };
  return sink as unknown as LogOutputChannel;
}

/** A client connection to a peer that takes the notifications and answers the decode request, traced as vscode-languageclient traces. */
function tracedConnection(
  channel: LogOutputChannel,
  trace: Trace,
  traceFormat: TraceFormat,
): { client: ProtocolConnection; dispose(): void } {
  const toPeer = new PassThrough();
  const toClient = new PassThrough();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toPeer));
  const peer = createProtocolConnection(new StreamMessageReader(toPeer), new StreamMessageWriter(toClient));
  peer.onRequest('renewRevocation/decode', () => ({ text: '' }));
  for (const method of ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose'])
    peer.onNotification(method, () => undefined);
  // vscode-languageclient 11 (client.js): strings go through `trace(message, data)` as
  // `${message}\n${data}`, objects (the JSON trace format) through `traceObject` as JSON.
  const tracer = {
    log: (messageOrData: string | unknown, data?: string) =>
      channel.trace(
        typeof messageOrData === 'string'
          ? data !== undefined && data !== null
            ? `${messageOrData}\n${data}`
            : messageOrData
          : JSON.stringify(messageOrData),
      ),
  };
  peer.listen();
  client.listen();
  void client.trace(trace, tracer, { sendNotification: false, traceFormat });
  return {
    client,
    dispose: () => {
      client.dispose();
      peer.dispose();
    },
  };
}

/** What an editor sends of a key file: the opened text, a pasted copy, and half-typed or mislabelled versions of it. */
function variants(text: string): string[] {
  const truncated = text.replace(/-----END [A-Z ]+-----\r?\n?$/, '');
  const mislabelled = text.replace(/-----END ([A-Z ]+)-----/g, '-----END X509 $1-----');
  return [text, truncated, mislabelled, text.replace(/\n/g, '\r\n')];
}

const LEVELS: Array<[string, Trace, TraceFormat]> = [
  ['verbose text', Trace.Verbose, TraceFormat.Text],
  ['compact text', Trace.Compact, TraceFormat.Text],
  ['messages text', Trace.Messages, TraceFormat.Text],
  ['verbose JSON', Trace.Verbose, TraceFormat.JSON],
];

for (const [level, trace, format] of LEVELS) {
  test(`trace (${level}): documents and decode requests of the secrets corpus leave no key material in the output channel`, async () => {
    const lines: string[] = [];
    const { client, dispose } = tracedConnection(redactingChannel(recordingChannel(lines)), trace, format);
    try {
      for (const file of corpus.files) {
        const uri = `file:///secrets/${file.name}`;
        await client.sendRequest('renewRevocation/decode', { uri, base64: file.bytes.toString('base64') });
        if (!file.languageId) continue;
        let version = 1;
        for (const text of variants(file.bytes.toString('utf8'))) {
          await client.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: file.languageId, version: version++, text },
          });
          await client.sendNotification('textDocument/didChange', {
            textDocument: { uri, version: version++ },
            contentChanges: [{ text }],
          });
          await client.sendNotification('textDocument/didClose', { textDocument: { uri } });
        }
      }
    } finally {
      dispose();
    }
    const output = lines.join('\n');
    if (!output.includes("'textDocument/didOpen'") && !output.includes('"method":"textDocument/didOpen"'))
      throw new Error(`the trace recorded nothing:\n${output.slice(0, 500)}`);
    assertNoKeyMaterial(output, corpus.material, `the ${level} trace`);
  });
}
