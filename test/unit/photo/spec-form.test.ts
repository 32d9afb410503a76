import { describe, expect, it } from 'vitest'
import seed from '../../../resources/photo/specs.json'
import { photoSpec, type PhotoSpec } from '../../../src/shared/photo/spec'
import { specFromForm, type SpecForm } from '../../../src/shared/photo/spec-form'

const specs = seed.specs.map((spec) => photoSpec.parse(spec))

describe('the photo spec form', () => {
  it('gives back every shipped spec unchanged when nothing is edited', () => {
    for (const spec of specs) {
      expect(specFromForm(spec.id, structuredClone(spec) as SpecForm)).toEqual(
        photoSpec.parse(spec)
      )
    }
  })

  it('drops a rule whose two limits were emptied, and emptied optional numbers', () => {
    const spec = specs.find((s) => s.id === 'resident-id')!
    expect(spec.geometry.faceWidth).toBeDefined()
    const form = structuredClone(spec) as SpecForm
    form.geometry.faceWidth = { min: null, max: null }
    form.geometry.hairTop = { min: 5, max: null }
    form.geometry.centreTolerance = null
    form.jpeg.minBytes = null
    form.note = '  '
    const edited: PhotoSpec = specFromForm(spec.id, form)
    expect(edited.geometry.faceWidth).toBeUndefined()
    expect('faceWidth' in edited.geometry).toBe(false)
    expect(edited.geometry.hairTop).toEqual({ min: 5 })
    expect('centreTolerance' in edited.geometry).toBe(false)
    expect(edited.jpeg).toEqual({ quality: spec.jpeg.quality, maxBytes: spec.jpeg.maxBytes })
    expect('note' in edited).toBe(false)
    // What the form gives is what main accepts: no empty keys for its strict objects.
    expect(photoSpec.safeParse(edited).success).toBe(true)
  })

  it('keeps the id it was opened with, whatever the values carry', () => {
    const spec = specs[0]!
    const form = { ...structuredClone(spec), id: 'other' } as SpecForm & { id: string }
    expect(specFromForm(spec.id, form).id).toBe(spec.id)
  })
})
