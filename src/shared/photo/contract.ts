import { z } from 'zod'
import { call, type Namespace } from '../ipc/define'
import { nothing, page, text, uuid } from '../ipc/fields'
import { photoSpec } from './spec'
import { sheetSizes, type SheetSize } from './sheet'
import seed from '../../../resources/photo/specs.json'
import { wholeNumber } from '../numbers'

/** The photo booth's calls: specs, camera, capture → adjust → accept, history, sheets. */

const specId = z
  .string({ error: '应为文本' })
  .min(2)
  .max(40)
  .regex(/^[a-z0-9-]+$/, { error: '无效的规格编号' })
  .meta({ examples: ['resident-id'] })

export const ruleView = z.object({
  key: z.string(),
  label: z.string(),
  pass: z.boolean(),
  value: z.number().nullable(),
  unit: z.string(),
  requirement: z.string(),
  text: z.string(),
  reason: z.string().optional()
})

export const reportView = z.object({
  specId: z.string(),
  specName: z.string(),
  ok: z.boolean(),
  width: z.int(),
  height: z.int(),
  bytes: z.int(),
  quality: z.int(),
  dpi: z.object({ jfif: z.number().nullable(), exif: z.number().nullable() }),
  rules: z.array(ruleView),
  notes: z.array(z.string()),
  measures: z.object({
    faceWidth: z.number(),
    faceCentreX: z.number(),
    eyeDistance: z.number(),
    eyeMidX: z.number(),
    eyeY: z.number(),
    chinY: z.number(),
    crownY: z.number()
  }),
  placement: z.object({
    scale: z.number(),
    rollDeg: z.number(),
    /** 'image' only in reports kept before the crown came from the matte. */
    crown: z.enum(['matte', 'image', 'cut', 'estimate'])
  }),
  /** Absent in reports kept before background replacement. */
  background: z
    .object({
      replacedWith: z.tuple([z.int(), z.int(), z.int()]).nullable(),
      unsure: z.number(),
      lowConfidence: z.boolean()
    })
    .optional(),
  timings: z.object({
    decodeMs: z.number(),
    detectMs: z.number(),
    landmarksMs: z.number(),
    cropEncodeMs: z.number(),
    matteMs: z.number().optional(),
    remeasureMs: z.number().optional(),
    totalMs: z.number()
  })
})

/** A background colour to put behind the person, #rrggbb; null keeps the photo's own. */
const background = z
  .string({ error: '应为颜色' })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: '颜色应为 #RRGGBB' })
  .nullable()
  .meta({ examples: ['#ffffff'] })

export const captureView = z.object({
  captureId: z.string(),
  report: reportView,
  /** The finished JPEG as a data: URL for the result panel. */
  image: z.string(),
  /** With a replaced background: the same crop with the photo's own background. */
  original: z.string().optional(),
  /** The colour put behind the person, #rrggbb, or null. */
  background: z.string().nullable(),
  /** The manual adjustment applied so far. */
  nudge: z.object({ dx: z.number(), dy: z.number(), scale: z.number() })
})

export const photoView = z.object({
  id: z.string(),
  specId: z.string(),
  specName: z.string(),
  takenAt: z.string(),
  operatorId: z.string().nullable(),
  operatorName: z.string().nullable(),
  bytes: z.int(),
  quality: z.int(),
  passed: z.boolean(),
  subjectRef: z.string().nullable(),
  note: z.string().nullable(),
  failed: z.array(z.string()),
  /** Taken on another PC of the station: the record is here, the JPEG stays on that PC. */
  elsewhere: z.boolean(),
  /** That PC's name, once this PC has heard it from the server (null: not yet, or here). */
  heldBy: z.string().nullable()
})

export const cameraView = z.object({
  device: z.string().nullable(),
  width: z.int(),
  height: z.int(),
  cameras: z.array(z.string())
})

const sheetSize = z.enum(Object.keys(sheetSizes) as [SheetSize, ...SheetSize[]], {
  error: '无效的相纸尺寸'
})

export const photoContract = {
  specs: call({ input: nothing, output: z.array(photoSpec), access: 'signedIn' }),
  saveSpec: call({
    input: photoSpec.meta({ examples: [seed.specs[0]] }),
    output: photoSpec,
    access: ['admin']
  }),
  camera: call({ input: nothing, output: cameraView, access: 'signedIn' }),
  setCamera: call({
    input: z.strictObject({
      device: text(200)
        .nullable()
        .meta({ examples: ['/dev/video0'] }),
      width: wholeNumber(160, 7680),
      height: wholeNumber(120, 4320)
    }),
    output: cameraView,
    access: 'signedIn'
  }),
  capture: call({
    input: z.strictObject({ specId, background: background.optional() }),
    output: captureView,
    access: 'signedIn'
  }),
  adjust: call({
    input: z.strictObject({
      captureId: uuid,
      dx: z.number({ error: '应为数字' }).min(-200).max(200),
      dy: z.number({ error: '应为数字' }).min(-200).max(200),
      scale: z.number({ error: '应为数字' }).min(0.7).max(1.3),
      /** Absent: keep the shot's current background choice. */
      background: background.optional()
    }),
    output: captureView,
    access: 'signedIn'
  }),
  accept: call({
    input: z.strictObject({
      captureId: uuid,
      subjectRef: text(64).optional(),
      note: text(200).optional()
    }),
    output: photoView,
    access: 'signedIn'
  }),
  list: call({
    input: page.extend({ subjectRef: text(64).optional() }),
    output: z.object({ total: z.int(), rows: z.array(photoView) }),
    access: 'signedIn'
  }),
  image: call({
    input: z.strictObject({ id: uuid }),
    output: z.object({ image: z.string(), report: reportView }),
    access: 'signedIn'
  }),
  remove: call({ input: z.strictObject({ id: uuid }), output: z.null(), access: 'signedIn' }),
  /** Copies the kept JPEG (bytes, dpi and all) to the data folder's exports/. */
  export: call({
    input: z.strictObject({ id: uuid }),
    output: z.object({ file: z.string() }),
    access: 'signedIn'
  }),
  sheet: call({
    input: z.strictObject({
      ids: z
        .array(uuid)
        .min(1, { error: '至少选择一张照片' })
        .max(60)
        .meta({ examples: [['7d3c2a9e-4f6b-4c1d-9a8e-2b5f0c6d1e3a']] }),
      size: sheetSize,
      copies: wholeNumber(1, 60),
      gapMm: z.number({ error: '应为数字' }).min(0).max(10)
    }),
    output: z.object({ file: z.string(), photos: z.int(), pages: z.int() }),
    access: 'signedIn'
  })
} satisfies Namespace

export type CaptureView = z.output<typeof captureView>
export type PhotoView = z.output<typeof photoView>
export type CameraView = z.output<typeof cameraView>
export type ReportView = z.output<typeof reportView>
