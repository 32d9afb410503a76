/** What a JPEG file says about itself: size, components and the dpi in JFIF and EXIF. */
export interface JpegInfo {
  width: number
  height: number
  components: number
  jfif: { unit: 'none' | 'inch' | 'cm'; x: number; y: number } | null
  exif: { x: number; y: number; unit: 'none' | 'inch' | 'cm' } | null
}

const units = ['none', 'inch', 'cm'] as const

function readExifResolution(buf: Buffer, start: number, end: number): JpegInfo['exif'] {
  const little = buf.toString('latin1', start, start + 2) === 'II'
  const u16 = (o: number) => (little ? buf.readUInt16LE(start + o) : buf.readUInt16BE(start + o))
  const u32 = (o: number) => (little ? buf.readUInt32LE(start + o) : buf.readUInt32BE(start + o))
  const ifd = u32(4)
  const count = u16(ifd)
  let x = 0
  let y = 0
  let unit = 2
  for (let i = 0; i < count; i++) {
    const e = ifd + 2 + i * 12
    if (start + e + 12 > end) break
    const tag = u16(e)
    const rational = () => {
      const o = u32(e + 8)
      return u32(o) / u32(o + 4)
    }
    if (tag === 0x011a) x = rational()
    else if (tag === 0x011b) y = rational()
    else if (tag === 0x0128) unit = u16(e + 8)
  }
  return x && y ? { x, y, unit: units[unit - 1] ?? 'none' } : null
}

/** Walks the JPEG markers up to the frame header. */
export function readJpegInfo(buf: Buffer): JpegInfo {
  if (buf[0] !== 0xff || buf[1] !== 0xd8) throw new Error('not a JPEG file')
  const info: JpegInfo = { width: 0, height: 0, components: 0, jfif: null, exif: null }
  let o = 2
  while (o + 4 <= buf.length) {
    if (buf[o] !== 0xff) throw new Error(`bad JPEG marker at ${o}`)
    const marker = buf[o + 1]!
    const length = buf.readUInt16BE(o + 2)
    const body = o + 4
    if (marker === 0xe0 && buf.toString('latin1', body, body + 5) === 'JFIF\0') {
      info.jfif = {
        unit: units[buf[body + 7]!] ?? 'none',
        x: buf.readUInt16BE(body + 8),
        y: buf.readUInt16BE(body + 10)
      }
    } else if (marker === 0xe1 && buf.toString('latin1', body, body + 6) === 'Exif\0\0') {
      info.exif = readExifResolution(buf, body + 6, o + 2 + length)
    } else if (marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)) {
      info.height = buf.readUInt16BE(body + 1)
      info.width = buf.readUInt16BE(body + 3)
      info.components = buf[body + 5]!
      return info
    }
    o += 2 + length
  }
  return info
}

/**
 * Puts a JFIF APP0 header with the dpi right after the start marker (replacing any there), for
 * uploaders that read JFIF density rather than EXIF. Adds 18 bytes; the image data is untouched.
 */
export function withJfifDensity(jpeg: Buffer, dpi: number): Buffer {
  let rest = 2
  if (jpeg[2] === 0xff && jpeg[3] === 0xe0 && jpeg.toString('latin1', 6, 11) === 'JFIF\0')
    rest = 4 + jpeg.readUInt16BE(4)
  const app0 = Buffer.alloc(18)
  app0.writeUInt16BE(0xffe0, 0)
  app0.writeUInt16BE(16, 2)
  app0.write('JFIF\0', 4, 'latin1')
  app0[9] = 1 // version 1.01
  app0[10] = 1
  app0[11] = 1 // density unit: dots per inch
  app0.writeUInt16BE(dpi, 12)
  app0.writeUInt16BE(dpi, 14)
  // thumbnail 0×0
  return Buffer.concat([jpeg.subarray(0, 2), app0, jpeg.subarray(rest)])
}
