// What the preview page's script (media/preview/preview.js) may assume around it: the webview
// host's acquireVsCodeApi, whose postMessage takes only the messages the panel understands, and
// the message types it shares with the extension, named globally so that the script needs no
// import (tests hold it to loading nothing).
import type {
  PreviewPageMessage,
  PreviewPanelMessage as PanelMessage,
} from '../../server/src/protocol/webviewMessages';

declare global {
  /** What the extension's panel posts to the page. */
  type PreviewPanelMessage = PanelMessage;
  interface PreviewWebviewApi {
    postMessage(message: PreviewPageMessage): void;
    getState(): unknown;
    setState(state: unknown): void;
  }
  function acquireVsCodeApi(): PreviewWebviewApi;
  interface Window {
    /** The API preview.js acquired, for the page's other script (timeline.js). */
    previewApi?: PreviewWebviewApi;
  }
}
