import { describe, expect, it } from 'vitest';
import { classifyText } from '../src/index.js';

// Unlabelled text cannot pool a narrator's turns by speaker: the narrator rule reads the whole text.
describe('a retelling without speaker labels', () => {
  it('is retold when reporting frames run through it, in English and in French', () => {
    const en = [
      'so yesterday this guy calls me and he tells me my computer has a virus',
      'and i said really and he goes yes ma am you need to download anydesk right now',
      'then he said you have to buy google play cards to pay for the protection',
      'i told him i know this is a scam',
      'and i hung up',
    ].join('\n');
    const fr = [
      'tu sais pas ce qui m est arrivé hier un type m appelle',
      'il me dit je suis conseiller au service fraude de votre banque',
      'vous allez recevoir un code par sms il faudra me le lire',
      'je lui dis mais c est écrit qu il faut pas le donner',
      'et là il me dit c est normal vous pouvez me le dire',
      'alors j ai raccroché',
    ].join('\n');
    for (const text of [en, fr]) {
      const r = classifyText(text);
      expect(r.verdict, text).toBe('clean');
      expect(
        r.findings.filter((f) => f.effective > 0 && f.category !== 'counter').every((f) => f.modifiers.includes('retold') || f.modifiers.includes('reported')),
        text,
      ).toBe(true);
    }
  });

  it('is read as a retelling whether its narration comes before or after the last finding', () => {
    const move = 'you need to download anydesk now and buy google play gift cards and read me the numbers on the back';
    const narration = ['and i said no way', 'then he said you have to do it today', 'and i told him to wait', 'so i put the phone down'];
    const after = classifyText([move, ...narration].join('\n'));
    const before = classifyText([...narration.slice(0, 3), move, narration[3]].join('\n'));
    expect(after.verdict).toBe('clean');
    expect(after.score).toBe(before.score);
  });

  it('is not triggered by a live call that mentions what "they" will do once or twice', () => {
    const live = [
      'good morning i am calling from the fraud department of your bank',
      'we have seen two payments to a private individual and they will try again today',
      'someone at your branch is involved so you must not talk to the staff there',
      'i need you to move your savings to a protected account right now',
      'they will know we are onto them so stay on the line with me',
      'read me the code we just sent you by text',
    ].join('\n');
    const r = classifyText(live);
    expect(r.verdict).toBe('scam');
    expect(r.findings.some((f) => f.modifiers.includes('retold'))).toBe(false);
  });
});
