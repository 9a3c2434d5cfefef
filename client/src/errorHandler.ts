// What happens when the server crashes: restart it (up to 4 times in 3 minutes); then stop and
// hand over to `onGiveUp` (the notification with its Restart button, the stale diagnostics, the
// status bar). The language client writes each message to the output channel once: this handler
// hands it the message instead of logging it too.
import type { LogOutputChannel } from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient';
import { RestartPolicy } from './restartPolicy';

export function createErrorHandler(
  output: LogOutputChannel,
  onGiveUp: (message: string) => void,
  policy = new RestartPolicy(),
): ErrorHandler {
  return {
    error(error, _message, count) {
      output.error(`Error talking to the RenewRevocation language server: ${error.message}`);
      // A few transport errors in a row are survivable; more mean the connection is gone.
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed() {
      const verdict = policy.onCrash();
      const window = `${policy.windowMs / 60000} minutes`;
      if (verdict.restart) {
        const message = `The RenewRevocation language server stopped unexpectedly; restarting it (crash ${verdict.crashesInWindow} of at most ${policy.maxRestarts + 1} within ${window}).`;
        return { action: CloseAction.Restart, message, handled: true };
      }
      const message = `The RenewRevocation language server crashed ${verdict.crashesInWindow} times within ${window} and was not restarted. Its last diagnostics are kept, marked stale.`;
      // Before the client clears its diagnostics: the hand-over copies them.
      onGiveUp(message);
      return { action: CloseAction.DoNotRestart, message, handled: true };
    },
  };
}
