// The preview's data as a client receives it (the parts of a `renewRevocation/preview` answer):
// the service defines these records (it builds them); a client reads them through this module,
// not through the service. Types only: nothing of the service is bundled by importing them.
export type {
  PreviewCertificate,
  PreviewEntry,
  PreviewEntryRef,
  PreviewProblem,
  PreviewWarning,
  PreviewWarningCode,
  RevocationPreview,
} from '../service';
