import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import sharp, { type OverlayOptions } from 'sharp'
import { repoRoot } from './services'

export const astronautPath = join(repoRoot, 'test/fixtures/faces/astronaut.png')

/**
 * Faces derived from the astronaut fixture, written as PNG files into `dir`:
 * - small: shrunk to 360 px and placed off-centre (left, low) in a 920×640 frame whose border
 *   continues the backdrop's edge pixels;
 * - tilted: turned 8° clockwise (the frame widened first, so no empty corners reach the face);
 * - grey: greyscale; blurred: Gaussian blur σ 2.5; two: two copies side by side;
 * - whiteWall: head, hair and body cut out along ovals and set on white, 64 px more room on top
 *   (a stand-in for a resident photographed against the counter's white wall).
 */
export async function makeDerivedFaces(dir: string) {
  mkdirSync(dir, { recursive: true })
  const src = sharp(astronautPath)
  const files = {
    small: join(dir, 'small-off-centre.png'),
    tilted: join(dir, 'tilted-8.png'),
    grey: join(dir, 'grey.png'),
    blurred: join(dir, 'blurred.png'),
    two: join(dir, 'two-faces.png'),
    whiteWall: join(dir, 'white-wall.png')
  }
  await src
    .clone()
    .resize(360)
    .extend({ top: 200, left: 60, right: 500, bottom: 80, extendWith: 'copy' })
    .png()
    .toFile(files.small)
  const wide = await src
    .clone()
    .extend({ top: 100, bottom: 100, left: 100, right: 100, extendWith: 'copy' })
    .png()
    .toBuffer()
  const turned = await sharp(wide).rotate(8).png().toBuffer({ resolveWithObject: true })
  await sharp(turned.data)
    .extract({
      left: Math.round((turned.info.width - 512) / 2),
      top: Math.round((turned.info.height - 512) / 2),
      width: 512,
      height: 512
    })
    .png()
    .toFile(files.tilted)
  await src.clone().greyscale().png().toFile(files.grey)
  await src.clone().blur(2.5).png().toFile(files.blurred)
  const half = await src.clone().resize(400).png().toBuffer()
  await sharp({ create: { width: 800, height: 400, channels: 3, background: '#cccccc' } })
    .composite([
      { input: half, left: 0, top: 0 },
      { input: half, left: 400, top: 0 }
    ])
    .png()
    .toFile(files.two)
  const cutOut = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512">' +
      '<ellipse cx="226" cy="92" rx="76" ry="80" fill="#fff"/>' +
      '<ellipse cx="222" cy="130" rx="50" ry="52" fill="#fff"/>' +
      '<rect x="0" y="178" width="512" height="334" fill="#fff"/></svg>'
  )
  const cut = await src
    .clone()
    .ensureAlpha()
    .composite([{ input: cutOut, blend: 'dest-in' }])
    .png()
    .toBuffer()
  await sharp(cut)
    .flatten({ background: '#ffffff' })
    .extend({ top: 64, background: '#ffffff' })
    .png()
    .toFile(files.whiteWall)
  return files
}

/** A 1920×1080 camera-like still: the astronaut at 1080 px high on a grey wall. */
export async function makeStill(file?: string): Promise<Buffer> {
  const jpeg = await sharp(astronautPath)
    .resize(1080, 1080)
    .extend({ left: 420, right: 420, background: '#9a9a9a' })
    .jpeg({ quality: 92 })
    .toBuffer()
  if (file) writeFileSync(file, jpeg)
  return jpeg
}

export interface WallPortrait {
  /** Frame width and height. */
  width: number
  height: number
  /** Where the astronaut's 512×512 square goes (its top-left corner). */
  left: number
  top: number
  /** The wall's colour, and optionally a second colour above row `splitY` (two backdrops). */
  wall: string
  upper?: { colour: string; splitY: number }
}

/**
 * The astronaut cut out along a head ellipse whose top lies inside her hair (so the cut-out
 * carries none of the original backdrop above the head) and a body rectangle, set on a plain
 * wall — or on two walls of different colours, the boundary above her head.
 */
export async function makeWallPortrait(p: WallPortrait): Promise<Buffer> {
  const cutOut = Buffer.from(
    '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512">' +
      '<ellipse cx="226" cy="104" rx="70" ry="82" fill="#fff"/>' +
      '<ellipse cx="222" cy="130" rx="50" ry="52" fill="#fff"/>' +
      '<rect x="20" y="182" width="470" height="330" fill="#fff"/></svg>'
  )
  const person = await sharp(astronautPath)
    .ensureAlpha()
    .composite([{ input: cutOut, blend: 'dest-in' }])
    .png()
    .toBuffer()
  const layers: OverlayOptions[] = []
  if (p.upper) {
    const band = await sharp({
      create: { width: p.width, height: p.upper.splitY, channels: 3, background: p.upper.colour }
    })
      .png()
      .toBuffer()
    layers.push({ input: band, left: 0, top: 0 })
  }
  layers.push({ input: person, left: p.left, top: p.top })
  return sharp({ create: { width: p.width, height: p.height, channels: 3, background: p.wall } })
    .composite(layers)
    .png()
    .toBuffer()
}
