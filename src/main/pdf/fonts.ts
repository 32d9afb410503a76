import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import * as fontkit from 'fontkit'

const require = createRequire(import.meta.url)

export interface PdfFont {
  name: string
  file: string
  /** For a font collection (.ttc), the face to use. */
  family?: string
  has(codePoint: number): boolean
}

const bundledDir = () => dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))

/** Noto Sans SC (bundled, SIL OFL): all of GB2312/GBK, CJK Extension A (䶮…), not Extension B+. */
export const bundledFonts = () => ({
  regular: join(bundledDir(), '400Regular', 'NotoSansSC_400Regular.ttf'),
  bold: join(bundledDir(), '700Bold', 'NotoSansSC_700Bold.ttf')
})

/**
 * System fonts tried, in order, for characters the bundled font lacks (Extension B and beyond,
 * e.g. 𠮷): Windows ships SimSun-ExtB for exactly this; Linux may have Noto CJK or HanaMin.
 */
export const rareCharacterFontCandidates = [
  { file: 'C:\\Windows\\Fonts\\simsunb.ttf' },
  { file: 'C:\\Windows\\Fonts\\SimSun-ExtG.ttf' },
  { file: '/usr/share/fonts/truetype/hanazono/HanaMinB.ttf' },
  {
    file: '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    family: 'NotoSansCJKsc-Regular'
  },
  { file: '/System/Library/Fonts/STHeiti Medium.ttc', family: 'STHeitiSC-Medium' }
]

type FontkitFont = { hasGlyphForCodePoint(codePoint: number): boolean; postscriptName: string }

function open(file: string, family?: string): FontkitFont | null {
  try {
    const opened = fontkit.openSync(file) as unknown as FontkitFont & { fonts?: FontkitFont[] }
    if (opened.fonts)
      return opened.fonts.find((face) => face.postscriptName === family) ?? opened.fonts[0] ?? null
    return opened
  } catch {
    return null
  }
}

const cache = new Map<string, PdfFont | null>()

export function loadFont(name: string, file: string, family?: string): PdfFont | null {
  const key = `${file}#${family ?? ''}`
  if (!cache.has(key)) {
    const font = existsSync(file) ? open(file, family) : null
    cache.set(
      key,
      font
        ? {
            name,
            file,
            ...(family ? { family } : {}),
            has: (codePoint) => font.hasGlyphForCodePoint(codePoint)
          }
        : null
    )
  }
  return cache.get(key) ?? null
}

/** The bundled regular face, then whichever rare-character fonts this machine has. */
export function fontChain(): PdfFont[] {
  const chain = [loadFont('cjk', bundledFonts().regular)!]
  rareCharacterFontCandidates.forEach((candidate, index) => {
    const font = loadFont(`rare${index}`, candidate.file, candidate.family)
    if (font) chain.push(font)
  })
  return chain
}

export interface Run {
  font: PdfFont | null
  text: string
}

/** Splits text into runs by the first font of the chain that has each character. */
export function splitByFont(text: string, chain: PdfFont[]): Run[] {
  const runs: Run[] = []
  for (const char of text) {
    const codePoint = char.codePointAt(0)!
    const font = codePoint < 0x20 ? chain[0]! : (chain.find((f) => f.has(codePoint)) ?? null)
    const last = runs[runs.length - 1]
    if (last && last.font === font) last.text += char
    else runs.push({ font, text: char })
  }
  return runs
}

/** Characters no font of the chain can draw (printed as a box): the caller must say so. */
export function missingCharacters(text: string, chain: PdfFont[] = fontChain()): string[] {
  return [
    ...new Set(
      splitByFont(text, chain)
        .filter((run) => run.font === null)
        .flatMap((run) => [...run.text])
    )
  ]
}
