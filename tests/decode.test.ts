import { describe, expect, it } from 'vitest';
import { decode } from '../src/core/transcript/decode.js';

const utf16 = (s: string, be: boolean) => {
  const b = Buffer.from(s, 'utf16le');
  if (be) b.swap16();
  return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), b]);
};

describe('decode', () => {
  it('reads UTF-8 with and without BOM', () => {
    expect(decode(Buffer.from('infecté'))).toMatchObject({ text: 'infecté', encoding: 'utf-8' });
    expect(decode(Buffer.from('\uFEFFinfecté'))).toMatchObject({ text: 'infecté', encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with BOM', () => {
    expect(decode(utf16('Technicien : ça', false))).toMatchObject({ text: 'Technicien : ça', encoding: 'utf-16le' });
    expect(decode(utf16('Technicien : ça', true))).toMatchObject({ text: 'Technicien : ça', encoding: 'utf-16be' });
  });

  it('reads Windows-1252 when nothing looks like UTF-8', () => {
    expect(decode(Buffer.from([0x69, 0x6e, 0x66, 0x65, 0x63, 0x74, 0xe9, 0x20, 0x80]))).toMatchObject({ text: 'infecté €', encoding: 'windows-1252' });
  });

  it('replaces invalid UTF-8 with a warning', () => {
    const d = decode(Buffer.concat([Buffer.from('été '), Buffer.from([0xff]), Buffer.from(' ok')]));
    expect(d.text).toBe('été \uFFFD ok');
    expect(d.warnings[0]).toMatch(/invalid UTF-8/);
  });

  it('refuses binary input, naming the file', () => {
    expect(() => decode(Buffer.from([0x50, 0x4b, 0x00, 0x01]), 'x.zip')).toThrow(/binary/);
  });
});
