/**
 * Files that are not transcripts, known by their first bytes: a PDF, an Office document or another
 * zip archive, a compressed file, an audio or video recording. Read as text they would give a
 * confident verdict on noise, so they are refused with what to do instead.
 */
interface Magic {
  /** Bytes at `at` (default 0); `null` matches any byte. */
  bytes: Array<number | null>;
  at?: number;
  problem: string;
}

const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
const EXPORT = 'export the text first (save as .txt or .csv)';
const TRANSCRIBE = 'transcribe it first (speech-to-text), then classify the transcript';

const MAGICS: readonly Magic[] = [
  { bytes: ascii('%PDF-'), problem: 'a PDF document, not a transcript: export the text first (pdftotext)' },
  { bytes: [0x50, 0x4b, 0x03, 0x04], problem: `a zip archive or Office document (.docx, .xlsx, .odt), not a transcript: ${EXPORT}` },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], problem: `an old Office document (.doc, .xls), not a transcript: ${EXPORT}` },
  { bytes: ascii('{\\rtf'), problem: `an RTF document: ${EXPORT}` },
  { bytes: [0x1f, 0x8b], problem: 'a gzip-compressed file: decompress it first' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], problem: 'a 7-Zip archive: extract it first' },
  { bytes: ascii('Rar!\x1a\x07'), problem: 'a RAR archive: extract it first' },
  { bytes: [...ascii('ID3'), null, 0], problem: `audio (MP3), not a transcript: ${TRANSCRIBE}` },
  { bytes: [...ascii('RIFF'), null, null, null, null, ...ascii('WAVE')], problem: `audio (WAV), not a transcript: ${TRANSCRIBE}` },
  { bytes: [...ascii('OggS'), 0], problem: `audio (Ogg), not a transcript: ${TRANSCRIBE}` },
  { bytes: [...ascii('fLaC'), null, 0, 0], problem: `audio (FLAC), not a transcript: ${TRANSCRIBE}` },
  { bytes: ascii('ftypM4A'), at: 4, problem: `audio (M4A), not a transcript: ${TRANSCRIBE}` },
  { bytes: ascii('ftyp'), at: 4, problem: `audio or video (MP4, M4A, MOV), not a transcript: ${TRANSCRIBE}` },
  { bytes: [0x1a, 0x45, 0xdf, 0xa3], problem: `video or audio (Matroska, WebM), not a transcript: ${TRANSCRIBE}` },
];

/** MPEG audio frame sync (an MP3 without ID3 tag): 11 set bits, a valid version and layer III/II. */
function mpegFrame(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xff && (bytes[1]! & 0xe0) === 0xe0 && (bytes[1]! & 0x18) !== 0x08 && (bytes[1]! & 0x06) !== 0 && bytes[1] !== 0xfe;
}

/** Why these bytes are not a transcript (and what to do), or null when they may be one. */
export function notTranscript(bytes: Uint8Array): string | null {
  for (const m of MAGICS) {
    const at = m.at ?? 0;
    if (bytes.length >= at + m.bytes.length && m.bytes.every((b, i) => b === null || bytes[at + i] === b)) return m.problem;
  }
  return mpegFrame(bytes) ? `audio (MP3), not a transcript: ${TRANSCRIBE}` : null;
}
