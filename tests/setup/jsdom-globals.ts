/**
 * jest's jsdom environment leaves out TextEncoder, which browsers (and Node) have and the simulated
 * Excel uses to measure payloads; give jsdom tests Node's own.
 */
import { TextDecoder, TextEncoder } from 'util';

if (typeof globalThis.TextEncoder === 'undefined') {
  Object.assign(globalThis, { TextEncoder, TextDecoder });
}
