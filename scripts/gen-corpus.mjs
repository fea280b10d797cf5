#!/usr/bin/env node
/**
 * Writes a deterministic synthetic corpus of speaker-labelled phone-call transcripts, English and
 * French, 2-8 KB each, for benchmarks: `node scripts/gen-corpus.mjs <dir> <count> [seed]`.
 *
 * The same arguments always give the same bytes (a seeded PRNG, no clock, no Math.random). About
 * 15% of calls follow a tech-support scam script (a phrase from most stages, in order, among
 * ordinary talk), 5% stop after the hook, 10% are legitimate calls that mention risky words (a
 * grandson's AnyDesk, birthday gift cards) and the rest are ordinary service calls.
 * Files go to <dir>/<lang>/<nnn>/call-<i>.txt, 500 per folder; <dir>/labels.csv lists the
 * intended label of each (scam/legit; a call that stops after the hook is a scam attempt) and <dir>/.scamscanignore keeps scans from reading it.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mulberry32 } from './prng.mjs';

const [dir, countArg, seedArg = '1'] = process.argv.slice(2);
const count = Number(countArg);
if (!dir || !Number.isInteger(count) || count < 1) {
  console.error('usage: node scripts/gen-corpus.mjs <dir> <count> [seed]');
  process.exit(2);
}

const seed = [...String(seedArg)].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
const rand = mulberry32(seed);
const pick = (list) => list[Math.floor(rand() * list.length)];
const between = (lo, hi) => lo + Math.floor(rand() * (hi - lo + 1));

const LANGS = {
  en: {
    speakers: [
      ['Agent', 'Caller'],
      ['Technician', 'Customer'],
      ['Operator', 'Client'],
    ],
    names: ['Mr. Smith', 'Mrs. Patel', 'David', 'Linda', 'Mr. Johnson', 'Sarah'],
    filler: [
      'Hello, how can I help you today?',
      'Could you confirm your full name and postcode for me, please?',
      'Let me pull up your account, it will only take a moment.',
      'Thank you for waiting, I appreciate your patience.',
      'The delivery is scheduled for Tuesday between nine and one.',
      'Is there anything else I can help you with?',
      'Sure, no problem at all.',
      'Can you spell your last name for me?',
      'Your appointment is confirmed for Thursday at ten in the morning.',
      'I will send you an email with all the details.',
      'Sorry, the line is a bit noisy, could you repeat that?',
      'Yes, I can hear you now.',
      'Okay, just a second, I am writing that down.',
      "The weather has been terrible this week, hasn't it?",
      'I called last week about the same thing.',
      'Right, I see the note from my colleague here.',
      'That should be sorted out by the end of the day.',
      'Alright, thank you very much, have a nice day.',
      'Is this a good time to talk?',
      'Hmm, let me check with my supervisor.',
    ],
    decoy: [
      'My grandson installed AnyDesk last year so he can help me with the printer.',
      "I bought some gift cards for my niece's birthday at the supermarket.",
      'The bank sent me a text about a card payment, so I am calling the number on the back of my card.',
      'We never ask for your password or for gift cards, please remember that.',
      'Our IT helpdesk will connect with TeamViewer, you will get ticket number 4821 by email first.',
    ],
    scam: {
      hook: [
        'We have detected that your computer is infected with a dangerous virus.',
        'Your Windows licence has expired and your computer is sending us error reports.',
        'We noticed suspicious activity from your IP address, hackers are in your computer.',
      ],
      authority: [
        'I am calling from Microsoft technical support, the Windows security department.',
        'My name is Kevin, I am a certified Microsoft technician.',
        'This is the Windows technical department calling about your computer.',
      ],
      access: [
        'Please press the Windows key and R, then go to anydesk.com and download AnyDesk.',
        'Install TeamViewer and read me the nine digit code on your screen.',
        'Now type the ID number so I can connect to your computer and fix it.',
      ],
      proof: [
        'Open the event viewer, you see all these red errors? Those are the hackers.',
        'Type netstat in the black window, every line there is a hacker connected to you.',
      ],
      payment: [
        'The protection plan costs 299 dollars, you can pay with Google Play gift cards.',
        'Go to the store, buy gift cards, scratch the back and read me the numbers.',
        'Log into your online banking so I can process your refund.',
        'We refunded you too much by mistake, you need to send back the difference by wire transfer.',
      ],
      secrecy: [
        'Do not hang up the phone and do not tell anyone at the bank what it is for.',
        'This must be done today or your computer will be locked permanently.',
        'If the cashier asks, say the gift cards are for your grandchildren.',
      ],
    },
  },
  fr: {
    speakers: [
      ['Conseiller', 'Client'],
      ['Technicien', 'Cliente'],
      ['Agent', 'Appelant'],
    ],
    names: ['Monsieur Martin', 'Madame Dubois', 'Julien', 'Sophie', 'Monsieur Bernard', 'Claire'],
    filler: [
      "Bonjour, que puis-je faire pour vous aujourd'hui ?",
      "Pouvez-vous me confirmer votre nom et votre code postal, s'il vous plaît ?",
      'Je consulte votre dossier, un instant je vous prie.',
      'Merci de votre patience.',
      'La livraison est prévue mardi entre neuf heures et midi.',
      'Y a-t-il autre chose que je puisse faire pour vous ?',
      'Oui, bien sûr, aucun problème.',
      "Pouvez-vous m'épeler votre nom de famille ?",
      'Votre rendez-vous est confirmé pour jeudi à dix heures.',
      'Je vous envoie un courriel avec tous les détails.',
      'Pardon, la ligne grésille, vous pouvez répéter ?',
      'Oui, je vous entends bien maintenant.',
      "D'accord, une seconde, je note.",
      'Il a fait un temps affreux cette semaine, non ?',
      "J'ai déjà appelé la semaine dernière pour la même chose.",
      'Je vois la note de ma collègue ici.',
      "Ce sera réglé d'ici la fin de la journée.",
      'Très bien, merci beaucoup, bonne journée.',
      "C'est un bon moment pour parler ?",
      'Je vérifie auprès de mon responsable.',
    ],
    decoy: [
      "Mon petit-fils a installé AnyDesk l'an dernier pour m'aider avec l'imprimante.",
      "J'ai acheté des cartes cadeaux pour l'anniversaire de ma nièce.",
      "La banque m'a envoyé un SMS pour un paiement, alors j'appelle le numéro au dos de ma carte.",
      'Nous ne vous demanderons jamais votre mot de passe ni des cartes cadeaux.',
      "Le service informatique se connectera avec TeamViewer, vous recevrez d'abord le ticket 4821 par courriel.",
    ],
    scam: {
      hook: [
        'Nous avons détecté que votre ordinateur est infecté par un virus dangereux.',
        "Votre licence Windows a expiré et votre ordinateur nous envoie des rapports d'erreur.",
        'Nous avons remarqué une activité suspecte sur votre adresse IP, des pirates sont dans votre ordinateur.',
      ],
      authority: [
        'Je vous appelle du support technique de Microsoft, le service de sécurité Windows.',
        "Je m'appelle Kevin, je suis technicien certifié Microsoft.",
        'Ici le département technique de Windows, au sujet de votre ordinateur.',
      ],
      access: [
        'Appuyez sur la touche Windows et R, puis allez sur anydesk.com et téléchargez AnyDesk.',
        "Installez TeamViewer et lisez-moi le code à neuf chiffres affiché à l'écran.",
        "Donnez-moi le numéro d'identifiant pour que je me connecte à votre ordinateur.",
      ],
      proof: [
        "Ouvrez l'observateur d'événements, vous voyez toutes ces erreurs rouges ? Ce sont les pirates.",
        'Tapez netstat dans la fenêtre noire, chaque ligne est un pirate connecté chez vous.',
      ],
      payment: [
        'La protection coûte 299 euros, vous pouvez payer avec des cartes cadeaux Google Play.',
        'Allez au bureau de tabac, achetez des cartes cadeaux, grattez le dos et lisez-moi les codes.',
        'Connectez-vous à votre banque en ligne pour que je traite votre remboursement.',
        'Nous vous avons remboursé trop par erreur, vous devez renvoyer la différence par virement.',
      ],
      secrecy: [
        'Ne raccrochez surtout pas et ne dites rien à votre banquier.',
        "Il faut le faire aujourd'hui sinon votre ordinateur sera bloqué définitivement.",
        'Si la caissière demande, dites que les cartes sont pour vos petits-enfants.',
      ],
    },
  },
};
const STAGES = ['hook', 'authority', 'access', 'proof', 'payment', 'secrecy'];

/** The phrases a call of this kind must contain, in call order. */
function keyLines(lang, kind) {
  const L = LANGS[lang];
  if (kind === 'scam') return STAGES.filter((s) => s === 'hook' || s === 'payment' || rand() < 0.8).map((s) => ['driver', pick(L.scam[s])]);
  if (kind === 'hook')
    return [
      ['driver', pick(L.scam.hook)],
      ['driver', pick(L.scam.authority)],
    ];
  if (kind === 'decoy') return [[rand() < 0.5 ? 'driver' : 'other', pick(L.decoy)]];
  return [];
}

function call(lang, kind, size) {
  const L = LANGS[lang];
  const [driver, other] = pick(L.speakers);
  const keys = keyLines(lang, kind);
  const lines = [];
  let bytes = 0;
  let turn = 0;
  // Key lines are spread over the call: each is due after its share of the target size.
  let k = 0;
  while (bytes < size || k < keys.length) {
    let who;
    let text;
    if (k < keys.length && bytes >= ((k + 0.5) / (keys.length + 0.5)) * size) {
      [who, text] = keys[k++];
      who = who === 'driver' ? driver : other;
    } else {
      who = turn % 2 === 0 ? driver : other;
      text = pick(L.filler);
      if (rand() < 0.15) text = `${pick(L.names)}, ${text.charAt(0).toLowerCase()}${text.slice(1)}`;
    }
    const line = `${who}: ${text}\n`;
    if (bytes + Buffer.byteLength(line) > 8192 && k >= keys.length) break;
    lines.push(line);
    bytes += Buffer.byteLength(line);
    turn++;
  }
  return lines.join('');
}

const labels = ['file,label'];
for (let i = 0; i < count; i++) {
  const lang = rand() < 0.6 ? 'en' : 'fr';
  const r = rand();
  const kind = r < 0.15 ? 'scam' : r < 0.2 ? 'hook' : r < 0.3 ? 'decoy' : 'legit';
  const size = between(2048, 7600);
  const folder = join(dir, lang, String(Math.floor(i / 500)).padStart(3, '0'));
  const name = `call-${String(i).padStart(6, '0')}.txt`;
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), call(lang, kind, size));
  labels.push(`${lang}/${String(Math.floor(i / 500)).padStart(3, '0')}/${name},${kind === 'scam' || kind === 'hook' ? 'scam' : 'legit'}`);
}
writeFileSync(join(dir, 'labels.csv'), labels.join('\n') + '\n');
writeFileSync(join(dir, '.scamscanignore'), '# the labels are not a data set of transcripts\n/labels.csv\n');
console.log(`${count} transcripts written to ${dir}`);
