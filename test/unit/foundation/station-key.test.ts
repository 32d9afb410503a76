import { randomBytes } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { macAuditHash } from '../../../src/main/audit/audit-repo'
import { keyFingerprint } from '../../../src/main/keys/key-vault'
import { unwrapStationKey, wrapStationKey } from '../../../src/main/station/station-key'
import { createTranscoder, stationKeySide } from '../../../src/main/station/transcode'

const ID = '11010519491231002X'
const PHONE = '13812345678'

describe('the station key wrapped by its passphrase', () => {
  it('unwraps with the passphrase only', async () => {
    const key = randomBytes(32)
    const wrapped = await wrapStationKey(key, '月坛派出所本所密钥2026')
    expect(wrapped.fingerprint).toBe(keyFingerprint(key))
    expect(await unwrapStationKey(wrapped, '月坛派出所本所密钥2026')).toEqual(key)
    await expect(unwrapStationKey(wrapped, '月坛派出所本所密钥2027')).rejects.toMatchObject({
      code: 'VALIDATION',
      fields: { passphrase: '口令不对' }
    })
    // A wrapped key swapped for another station's (same passphrase) does not pass as this one.
    const other = await wrapStationKey(randomBytes(32), '月坛派出所本所密钥2026')
    await expect(
      unwrapStationKey(
        { ...wrapped, wrapped: other.wrapped, salt: other.salt },
        '月坛派出所本所密钥2026'
      )
    ).rejects.toMatchObject({ code: 'VALIDATION' })
    // Cost parameters from the server are bounded (no memory exhaustion by a forged row).
    await expect(
      unwrapStationKey({ ...wrapped, kdf: { N: 2 ** 30, r: 8, p: 1 } }, '月坛派出所本所密钥2026')
    ).rejects.toMatchObject({ code: 'VALIDATION' })
  })
})

describe('rows recoded from a PC key to the station key', () => {
  const local = stationKeySide(randomBytes(32))
  const station = stationKeySide(randomBytes(32))
  const up = createTranscoder(local, station)

  it('recodes parties and identifiers inside free text, and computes the station tokens', () => {
    const row = {
      id: 'case-1',
      parties: JSON.stringify([
        {
          name: '张三',
          idNumber: local.cipher.sealText(ID, 'logbook.case.parties.idNumber'),
          phone: local.cipher.sealText(PHONE, 'logbook.case.parties.phone')
        },
        { name: '李四' }
      ]),
      summary: local.cipher.sealEmbedded(`当事人电话 ${PHONE}，已调解`, 'logbook.case.summary'),
      search_text: '张三 李四 当事人电话 138****5678'
    }
    const { row: out, blindRows } = up.recode('logbook_case', row)
    const parties = JSON.parse(out.parties as string) as { idNumber?: string; phone?: string }[]
    expect(station.cipher.openText(parties[0]!.idNumber!, 'logbook.case.parties.idNumber')).toBe(ID)
    expect(station.cipher.openText(parties[0]!.phone!, 'logbook.case.parties.phone')).toBe(PHONE)
    expect(parties[1]).toEqual({ name: '李四' })
    expect(() => local.cipher.openText(parties[0]!.phone!, 'logbook.case.parties.phone')).toThrow()
    expect(station.cipher.openEmbedded(out.summary as string, 'logbook.case.summary')).toBe(
      `当事人电话 ${PHONE}，已调解`
    )
    expect(out.search_text).toBe(row.search_text)
    expect(blindRows.map((r) => r.token).sort()).toEqual(
      [station.cipher.blindIndex('id', ID), station.cipher.blindIndex('phone', PHONE)].sort()
    )
    expect(blindRows.every((r) => r.book === 'case' && r.entry_id === 'case-1')).toBe(true)
    // The PC's row itself is not changed.
    expect(local.cipher.openEmbedded(row.summary, 'logbook.case.summary')).toContain(PHONE)
  })

  it('recodes follow-up notes; signs audit rows again only when their mac verifies', () => {
    const note = up.recode('staff_followups', {
      id: 'f1',
      target_name: local.cipher.sealEmbedded(`王秀兰 ${PHONE}`, 'staff_followups.targetName'),
      outcome: '已上门'
    })
    expect(
      station.cipher.openEmbedded(note.row.target_name as string, 'staff_followups.targetName')
    ).toBe(`王秀兰 ${PHONE}`)

    const hash = 'a'.repeat(64)
    const signed = up.recode('audit_log', {
      id: 'a1',
      hash,
      mac: macAuditHash(local.chainKey, hash)
    })
    expect(signed.row.mac).toBe(macAuditHash(station.chainKey, hash))
    // A row changed on the PC (its mac no longer fits) is not given a valid station mac.
    const tampered = up.recode('audit_log', {
      id: 'a2',
      hash,
      mac: macAuditHash(local.chainKey, 'b')
    })
    expect(tampered.row.mac).toBeNull()
  })

  it('refuses a sealed value in a column it does not know', () => {
    expect(() =>
      up.recode('operators', { id: 'o1', display_name: local.cipher.sealText('王', 'x.y') })
    ).toThrow(/operators\.display_name/)
    expect(() =>
      up.recode('photos', { id: 'p1', note: local.cipher.sealEmbedded(`电话 ${PHONE}`, 'x.y') })
    ).toThrow(/photos\.note/)
  })
})
