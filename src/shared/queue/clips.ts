/**
 * The call said from short clips, for a system with no Chinese speechSynthesis voice. The clips
 * are generated at build time (`npm run voice:clips`, Debian's `espeak-ng -v cmn-latn-pinyin`)
 * into src/renderer/public/voice/<id>.ogg. The sequence is read off `spokenCall`'s text, so the
 * clips say exactly what a system voice would.
 */
import { spokenCall } from './text'

const DIGITS = '零一二三四五六七八九'

/** Letters as Mandarin speakers say them (English letter names), in tone-numbered pinyin. */
const LETTERS: Record<string, string> = {
  A: 'ei1',
  B: 'bi4',
  C: 'xi1',
  D: 'di4',
  E: 'yi4',
  F: 'ai2 fu5',
  G: 'ji4',
  H: 'ei1 qi1',
  I: 'ai4',
  J: 'jie4',
  K: 'kai1',
  L: 'ai2 le5',
  M: 'ai2 mu5',
  N: 'en1',
  O: 'ou1',
  P: 'pi4',
  Q: 'kiu1',
  R: 'a4 er5',
  S: 'ai2 si5',
  T: 'ti4',
  U: 'you1',
  V: 'wei1',
  W: 'da2 bu5 liu5',
  X: 'ai2 ke5 si5',
  Y: 'wai1',
  Z: 'zei4'
}

/** Every clip: its file id and the pinyin espeak-ng is given. */
export const voiceClips: Record<string, string> = {
  qing: 'qing3',
  hao: 'hao4',
  dao: 'dao4',
  'chuangkou-banli': 'chuang1 kou3 ban4 li3',
  chonghu: 'chong2 hu1',
  shi: 'shi2',
  ...Object.fromEntries(
    ['ling2', 'yi1', 'er4', 'san1', 'si4', 'wu3', 'liu4', 'qi1', 'ba1', 'jiu3'].map((p, d) => [
      `d${d}`,
      p
    ])
  ),
  ...Object.fromEntries(Object.entries(LETTERS).map(([l, p]) => [`letter-${l.toLowerCase()}`, p]))
}

/** Text pieces of a spoken call and their clips; longest first where they share a start. */
const PIECES: [string, string][] = [
  ['重呼', 'chonghu'],
  ['窗口办理', 'chuangkou-banli'],
  ['请', 'qing'],
  ['号', 'hao'],
  ['到', 'dao'],
  ['十', 'shi'],
  ...[...DIGITS].map((c, d): [string, string] => [c, `d${d}`]),
  ...Object.keys(LETTERS).map((l): [string, string] => [l, `letter-${l.toLowerCase()}`])
]

/** Clip ids of a spoken text; punctuation is a pause, anything else unknown is refused. */
export function clipsOf(text: string): string[] {
  const clips: string[] = []
  for (let i = 0; i < text.length;) {
    if ('，,。 '.includes(text[i]!)) {
      i += 1
      continue
    }
    const piece = PIECES.find(([words]) => text.startsWith(words, i))
    if (!piece) throw new Error(`no clip for “${text.slice(i)}”`)
    clips.push(piece[1])
    i += piece[0].length
  }
  return clips
}

/** The clips of a call: 请A零零一号到三号窗口办理 (重呼 first on a recall). */
export const callClips = (number: string, windowNumber: number, recall = false) =>
  clipsOf(spokenCall(number, windowNumber, recall))
