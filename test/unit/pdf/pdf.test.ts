import { describe, expect, it } from 'vitest'
import { execFileSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createPdf, MM } from '../../../src/main/pdf/document'
import {
  bundledFonts,
  fontChain,
  loadFont,
  missingCharacters,
  splitByFont
} from '../../../src/main/pdf/fonts'
import { tempDir } from '../../helpers/services'

describe('PDF fonts', () => {
  it('draws common and Extension-A names with the bundled font', () => {
    const font = loadFont('cjk', bundledFonts().regular)!
    expect(missingCharacters('张三 买买提·艾力 刘䶮 王堃 110105194912310021', [font])).toEqual([])
  })

  it('names the characters no font can draw instead of printing boxes silently', () => {
    const font = loadFont('cjk', bundledFonts().regular)!
    expect(missingCharacters('吉𠮷', [font])).toEqual(['𠮷'])
    const runs = splitByFont('a𠮷b', [font])
    expect(runs.map((run) => [run.font?.name ?? null, run.text])).toEqual([
      ['cjk', 'a'],
      [null, '𠮷'],
      ['cjk', 'b']
    ])
  })
})

describe('createPdf', () => {
  it('makes pages of exact physical size with the font embedded', async () => {
    const pdf = createPdf({ size: 'A4', landscape: true, title: '测试' })
    pdf.text('联系登记簿 刘䶮', 20 * MM, 20 * MM, { bold: true })
    const bytes = await pdf.finish()
    const text = bytes.toString('latin1')
    expect(text.startsWith('%PDF-')).toBe(true)
    // A4 landscape: 841.89 × 595.28 pt.
    expect(text).toMatch(/\/MediaBox \[0 0 841\.88976\d* 595\.27559\d*\]/)
    expect(text).toMatch(/\/FontFile2/)
    expect(text).toMatch(/NotoSansSC/)
    expect(pdf.missing.size).toBe(0)
    const file = join(tempDir(), 'a4.pdf')
    writeFileSync(file, bytes)
    expect(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' })).toContain(
      '联系登记簿 刘䶮'
    )
  })

  it('records characters it could not draw', async () => {
    const chain = fontChain()
    const pdf = createPdf({ size: 'A5', title: 'x' })
    pdf.text('𠮷', 10, 10)
    await pdf.finish()
    expect(pdf.missing.has('𠮷')).toBe(chain.every((font) => !font.has(0x20bb7)))
  })
})
