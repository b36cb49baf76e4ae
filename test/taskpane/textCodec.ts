/**
 * jsdom has no TextEncoder/TextDecoder; the fake Excel workbook measures request payloads
 * with them. Imported before it by pane tests that run the real Excel adapter.
 */
import { TextDecoder, TextEncoder } from 'util';

Object.assign(globalThis, { TextEncoder, TextDecoder });
