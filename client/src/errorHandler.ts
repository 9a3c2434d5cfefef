// What happens when the server crashes: restart it (up to 4 times in 3 minutes), saying so in
// the output channel; then stop and tell the user where to look.
import type { LogOutputChannel } from 'vscode';
import { CloseAction, ErrorAction, type ErrorHandler } from 'vscode-languageclient';
import { RestartPolicy } from './restartPolicy';

export function createErrorHandler(output: LogOutputChannel, policy = new RestartPolicy()): ErrorHandler {
  return {
    error(error, _message, count) {
      output.error(`Error talking to the RenewRevocation language server: ${error.message}`);
      // A few transport errors in a row are survivable; more mean the connection is gone.
      return { action: count !== undefined && count <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true };
    },
    closed() {
      const verdict = policy.onCrash();
      if (verdict.restart) {
        output.warn(
          `The RenewRevocation language server stopped unexpectedly; restarting it (crash ${verdict.crashesInWindow} of at most ${policy.maxRestarts + 1} within ${policy.windowMs / 60000} minutes).`,
        );
        return { action: CloseAction.Restart, handled: true };
      }
      const message = `The RenewRevocation language server crashed ${verdict.crashesInWindow} times within ${policy.windowMs / 60000} minutes and will not be restarted. Run "RenewRevocation: Show Output" for details, then reload the window to start it again.`;
      output.error(message);
      return { action: CloseAction.DoNotRestart, message };
    },
  };
}
