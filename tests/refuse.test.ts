// What scamscan cannot read is refused with the reason and the way out, never given a confident
// verdict: documents, archives and recordings (by their first bytes), data sets given to classify,
// calls in languages it does not read, and library options it does not know.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { run } from '../src/cli/main.js';
import { classify, classifyBytes, classifyText, loadLexicons, ScamscanError } from '../src/index.js';
import { checkOptions, optionsSchema, plainlyValid } from '../src/node/options.js';
import { unsupportedLanguage } from '../src/core/text/language.js';
import { fakeIO } from './io.js';

const tmp = mkdtempSync(join(tmpdir(), 'scamscan-refuse-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const put = (name: string, content: string | Buffer) => {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
};
const lexicons = loadLexicons();

async function cli(argv: string[]) {
  const t = fakeIO();
  const code = await run(argv, t.io);
  return { code, out: t.out(), err: t.err() };
}

const bytes = (...parts: Array<string | number[]>) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
/** Each file starts as the real format does, followed by text a reader would otherwise read as a call. */
const CALL = '\nAgent: your computer is infected, download AnyDesk and buy Google Play cards\n';
const NOT_TRANSCRIPTS: Array<[string, Buffer, RegExp]> = [
  ['report.pdf', bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3', CALL), /PDF document, not a transcript: export the text first/],
  [
    'call.docx',
    bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], CALL),
    /zip archive or Office document \(\.docx, \.xlsx, \.odt\), not a transcript: export the text first/,
  ],
  ['call.doc', bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], CALL), /old Office document/],
  ['call.mp3', bytes('ID3', [4, 0, 0, 0, 0, 0], CALL), /audio \(MP3\), not a transcript: transcribe it first/],
  ['untagged.mp3', bytes([0xff, 0xfb, 0x90, 0x64], CALL), /audio \(MP3\).*transcribe it first/],
  ['call.wav', bytes('RIFF', [0x24, 0x08, 0, 0], 'WAVEfmt ', CALL), /audio \(WAV\).*transcribe it first/],
  ['call.m4a', bytes([0, 0, 0, 0x20], 'ftypM4A ', CALL), /audio \(M4A\).*transcribe it first/],
  ['call.ogg', bytes('OggS', [0, 2], CALL), /audio \(Ogg\).*transcribe it first/],
  ['call.flac', bytes('fLaC', [0, 0, 0, 0x22], CALL), /audio \(FLAC\).*transcribe it first/],
  ['calls.txt.gz', bytes([0x1f, 0x8b, 8, 0], CALL), /gzip-compressed file: decompress it first/],
];

describe('documents, archives and recordings', () => {
  it.each(NOT_TRANSCRIPTS)('%s is refused with what to do instead (classify: one line, exit 2)', async (name, content, message) => {
    const path = put(name, content);
    const r = await cli(['classify', path]);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(message);
    expect(r.err.trim().split('\n')).toHaveLength(1);
    expect(() => classifyBytes(content, { file: name }, lexicons)).toThrow(ScamscanError);
  });

  it('in a scan each is an error record, and the other files are scanned', async () => {
    const dir = join(tmp, 'mixed');
    await import('node:fs').then((fs) => fs.mkdirSync(dir));
    writeFileSync(join(dir, 'a.txt'), CALL);
    writeFileSync(join(dir, 'b.txt'), NOT_TRANSCRIPTS[0]![1]); // a PDF named .txt: the content decides
    const r = await cli(['scan', dir, '--format', 'ndjson']);
    const lines = r.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { verdict?: string; error?: string });
    expect(lines[0]!.verdict).toBe('scam');
    expect(lines[1]!.error).toMatch(/PDF document/);
    expect(r.code).toBe(2);
  });

  it('a UTF-16 transcript (its byte-order mark starts with 0xff) is still read', () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Agent: download AnyDesk\n', 'utf16le')]);
    expect(classifyBytes(utf16, {}, lexicons).encoding).toBe('utf-16le');
  });
});

describe('a data set given to classify', () => {
  const rows = [
    'id,dialogue,labels',
    '1,"Agent: your computer is infected, download AnyDesk and buy Google Play cards, read me the numbers",1',
    '2,"Agent: hi, this is Dr. Lee office confirming your appointment tomorrow at 2 PM",0',
    '3,"Agent: this is the bank, we will never ask for your PIN, call the number on your card",0',
  ];

  it('is refused with the command that reads it row by row', async () => {
    const r = await cli(['classify', put('data.csv', rows.join('\n') + '\n')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /this looks like a CSV data set \(columns: id, dialogue, labels\), one call a row: use scamscan scan or eval with --text-column dialogue\n$/,
    );
    const french = await cli(['classify', put('donnees.csv', rows.map((l) => l.replace(/^(\d+|id),/, '$1;').replace(/,(\d|labels)$/, ';$1')).join('\n'))]);
    expect(french.err).toMatch(/CSV data set \(columns: id, dialogue, labels\)/);
  });

  it('by its long text column when no column has a known name', async () => {
    const r = await cli(['classify', put('calls.txt', rows.join('\n').replace('dialogue', 'body'))]);
    expect(r.err).toMatch(/--text-column body\n$/);
  });

  it('a JSON Lines data set too', async () => {
    const r = await cli(['classify', put('calls.jsonl', '{"id": 1, "text": "Agent: buy gift cards"}\n{"id": 2, "text": "Agent: hello"}\n')]);
    expect([r.code, r.err]).toEqual([2, expect.stringMatching(/this looks like a JSON Lines data set, one call a line: use scamscan scan or eval/)]);
  });

  it('but a call with commas, or a one-row table, is a call', () => {
    for (const text of [
      'hello, how are you\nfine, thanks, and you\ngood, good, so your computer is infected, please download anydesk now\n',
      'Agent, Caller\nhello, this is microsoft support calling about your computer\n',
      'name,amount\nalice,300\nbob,200\n', // no column of text
    ]) {
      expect(classifyBytes(Buffer.from(text), {}, lexicons).verdict).toMatch(/clean|suspicious|scam/);
    }
  });

  it('--input-format text reads it as one call anyway', async () => {
    const r = await cli(['classify', put('forced.csv', rows.join('\n')), '--input-format', 'text', '--format', 'json']);
    expect(JSON.parse(r.out).format).toBe('text');
  });
});

describe('languages scamscan does not read', () => {
  const CALLS: Record<string, string> = {
    Spanish:
      'Agente: Hola, buenos días, le llamo del departamento técnico de Microsoft. Su ordenador está infectado con un virus muy peligroso. Necesito que descargue AnyDesk para que podamos conectarnos. Después tiene que comprar tarjetas de Google Play y leerme los números. No cuelgue.',
    German:
      'Mitarbeiter: Guten Tag, hier ist der technische Support von Microsoft. Ihr Computer ist mit einem gefährlichen Virus infiziert. Bitte laden Sie jetzt AnyDesk herunter, damit wir uns verbinden können. Dann müssen Sie Google Play Karten kaufen und mir die Nummern vorlesen.',
    Italian:
      'Operatore: Buongiorno signora, sono del supporto tecnico di Microsoft. Il suo computer è infetto da un virus molto pericoloso. Deve scaricare AnyDesk adesso, così possiamo collegarci. Poi deve comprare delle carte Google Play e leggermi i codici, perché è urgente.',
    Portuguese:
      'Atendente: Bom dia senhor, aqui é do suporte técnico da Microsoft. O seu computador está infectado com um vírus muito perigoso. Você precisa baixar o AnyDesk agora para que possamos conectar. Depois tem que comprar cartões Google Play e ler os códigos. Não desligue.',
  };

  it.each(Object.keys(CALLS))('%s is an error that names the language and how to read it anyway', async (language) => {
    const text = CALLS[language]!;
    expect(unsupportedLanguage(text)).toBe(language);
    const path = put(`${language}.txt`, text);
    const r = await cli(['classify', path]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `scamscan: ${path}: unsupported language: this reads as ${language}; scamscan reads English and French (--lang en or --lang fr reads it anyway)\n`,
    );
    expect(() => classifyText(text, {}, lexicons)).toThrow(`unsupported language: this reads as ${language}`);
    expect((await cli(['classify', path, '--lang', 'en', '--format', 'json'])).out).toMatch(/"language": "en"/);
  });

  it('English and French calls, mixed ones and short ones are read as before', () => {
    expect(
      unsupportedLanguage('Agent: Hello, do you speak English? Caller: sí, un poco. Agent: ok your computer is infected, please download anydesk now'),
    ).toBeNull();
    expect(
      unsupportedLanguage(
        'Technicien : Bonjour madame, je suis du support technique. Votre ordinateur est infecté, vous devez télécharger AnyDesk pour que nous puissions nous connecter.',
      ),
    ).toBeNull();
    expect(unsupportedLanguage('hola señor gracias')).toBeNull(); // too few words to say
    // Read as English from its first minutes (detection stops once English clearly leads), whatever follows.
    const english =
      'Agent: hello this is the support team and we are calling you about your computer because it is sending us errors, can you see the screen, is it on, please do it now, and tell me what you see on it, is that okay with you? ';
    expect(
      unsupportedLanguage(english + 'Cliente: hola señor, no entiendo, ¿qué es esto? gracias, usted está muy amable pero ahora no puedo. '.repeat(40)),
    ).toBeNull();
  });
});

describe('library options', () => {
  it('a language it does not read, a threshold above 1 or an unknown option is a ScamscanError naming it', () => {
    const wrong: Array<[object, string]> = [
      [{ language: 'de' }, 'options.language: Invalid option: expected one of "en"|"fr"'],
      [{ thresholds: { scam: 2 } }, 'options.thresholds.scam: Too big: expected number to be <=1'],
      [{ thresholds: { scam: 0.8, sus: 0.2 } }, 'options.thresholds: unknown key "sus"'],
      [{ treshold: 0.5 }, 'options: unknown option "treshold"'],
      [{ disable: 'pressure' }, 'options.disable: Invalid input: expected array, received string'],
      [{ maxBytes: -1 }, 'options.maxBytes: Too small: expected number to be >0'],
      [{ inputFormat: 'pdf' }, 'options.inputFormat: Invalid option'],
    ];
    for (const [options, message] of wrong) {
      expect(() => classifyText('Agent: hello', options as never, lexicons)).toThrow(message);
      expect(() => classifyBytes(Buffer.from('Agent: hello'), options as never, lexicons)).toThrow(ScamscanError);
      expect(() => classify('nowhere.txt', options as never)).toThrow(ScamscanError); // before touching the file
    }
  });

  it('empty text is "empty input", as the CLI says, not a clean call', () => {
    expect(() => classifyText('', {}, lexicons)).toThrow(new ScamscanError('empty input', '-'));
    expect(() => classifyText(' \n\t', { file: 'row-3' }, lexicons)).toThrow('row-3: empty input');
  });

  it('the quick check never passes options that zod rejects', () => {
    const value = fc.oneof(
      fc.constantFrom(undefined, null, 'en', 'fr', 'de', 'auto', 'srt', '', ' ', 0, 0.5, 1, 2, -1, NaN, Infinity, [], [''], ['x'], ['x', 3], {}, () => 0),
      fc.record({ scam: fc.constantFrom(undefined, 0.2, 1.5, 'x'), suspicious: fc.constantFrom(undefined, 0.1, -1) }, { requiredKeys: [] }),
    );
    const key = fc.constantFrom('file', 'language', 'encoding', 'inputFormat', 'filter', 'lexicons', 'maxBytes', 'thresholds', 'disable', 'allow', 'other');
    fc.assert(
      fc.property(fc.dictionary(key, value, { maxKeys: 4 }), (options) => {
        if (plainlyValid(options)) expect(optionsSchema().safeParse(options).success).toBe(true);
        else expect(() => checkOptions(options)).toThrow(ScamscanError); // and what it doubts, zod decides: here always wrong
      }),
      { numRuns: 1000 },
    );
  });
});
