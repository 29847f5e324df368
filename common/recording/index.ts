/**
 * The recording format's public surface: what the emulator writes and the replayer reads.
 */
export * from "./format.js";
export { bodyBytes, bodyText, encodeBody } from "./body.js";
export { captureExchange, recordHeaders, type HeaderInput, type RawExchange } from "./capture.js";
export { RecordingWriter, type OpenRecordingOptions } from "./writer.js";
export {
  RecordingError,
  openRecording,
  parseRecording,
  readRecording,
  type OpenedRecording,
  type Recording,
} from "./reader.js";
