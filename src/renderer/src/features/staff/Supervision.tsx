import { useCallback, useEffect, useState } from 'react'
import { App, Button, Input, InputNumber, List, Space, Tag } from 'antd'
import { useApp } from '@renderer/AppContext'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { stationDate } from '@shared/dates'
import { quarterOf } from '@shared/staff/sampler'
import type { useMessages } from '@renderer/i18n/context'
import type { staffMessages } from './messages'
import { books, type BookKey } from '@shared/logbooks/books'
import { shortId } from '@shared/ids'
import { wallClock } from '@shared/logbooks/time'
import { EntryPreview } from './EntryPreview'

type T = ReturnType<typeof useMessages<keyof (typeof staffMessages)['zh-CN']>>
type Checks = Awaited<ReturnType<typeof loadChecks>>
type Spot = Awaited<ReturnType<typeof loadSpot>>
const loadChecks = (date: string) => unwrap(api.staff.dailyChecks({ date }))
const loadSpot = (quarter: string) => unwrap(api.staff.spotCheck({ quarter }))

/** 所长督察: today's check list with notes, and the quarter's spot check (drawn once). */
export function Supervision({ t }: { t: T }) {
  const { message } = App.useApp()
  const { session } = useApp()
  const isDirector = session.operator.role === 'director'
  const date = stationDate()
  const quarter = quarterOf(date).quarter
  const [checks, setChecks] = useState<Checks>([])
  const [notes, setNotes] = useState<Record<string, string>>({})
  const [spot, setSpot] = useState<Spot>(null)
  const [size, setSize] = useState(10)
  const [open, setOpen] = useState<{ book: string; id: string } | null>(null)
  const reload = useCallback(() => {
    void loadChecks(date).then(setChecks)
    if (isDirector || session.operator.role === 'admin') void loadSpot(quarter).then(setSpot)
  }, [date, quarter, isDirector, session.operator.role])
  useEffect(reload, [reload])
  const run = (pending: Promise<unknown>) =>
    pending.then(reload).catch((e: unknown) => message.error(errorMessage(e)))

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {open ? <EntryPreview t={t} entry={open} onClose={() => setOpen(null)} /> : null}
      <h3>{t('dailyChecks', { date })}</h3>
      <List
        bordered
        dataSource={checks}
        renderItem={(c) => (
          <List.Item data-testid={`check-${c.item}`}>
            <Space wrap>
              <span style={{ minWidth: 160, display: 'inline-block' }}>
                {t(`check_${c.item}`)}: {c.count}
              </span>
              {c.checked ? (
                <Tag color="green">{t('checkedBy', { name: c.checkedByName ?? '' })}</Tag>
              ) : null}
              {c.note ? <span>{c.note}</span> : null}
              {isDirector ? (
                <>
                  <Input
                    style={{ width: 260 }}
                    placeholder={t('note')}
                    value={notes[c.item] ?? ''}
                    onChange={(e) => setNotes((n) => ({ ...n, [c.item]: e.target.value }))}
                  />
                  <Button
                    onClick={() =>
                      void run(
                        unwrap(
                          api.staff.tickCheck({
                            date,
                            item: c.item,
                            ...(notes[c.item]?.trim() ? { note: notes[c.item] } : {})
                          })
                        )
                      )
                    }
                  >
                    {t('tick')}
                  </Button>
                </>
              ) : null}
            </Space>
          </List.Item>
        )}
      />
      {isDirector || session.operator.role === 'admin' ? (
        <>
          <h3>{t('spotCheck', { quarter })}</h3>
          {spot ? (
            <div data-testid="spot-check">
              {t('spotDrawn', {
                n: spot.entries.length,
                pool: spot.poolSize,
                seed: spot.seed,
                by: spot.drawnByName
              })}
              <List
                size="small"
                dataSource={spot.entries}
                renderItem={(e, i) => (
                  <List.Item>
                    <Button type="link" className="link-wraps" onClick={() => setOpen(e)}>
                      {[
                        `${i + 1}. ${books[e.book as BookKey]?.title ?? e.book}`,
                        e.occurredAt ? wallClock(e.occurredAt).date : null,
                        e.title || shortId(e.id)
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </Button>
                  </List.Item>
                )}
              />
            </div>
          ) : isDirector ? (
            <Space>
              <InputNumber min={1} max={100} value={size} onChange={(v) => v && setSize(v)} />
              <Button onClick={() => void run(unwrap(api.staff.drawSpotCheck({ quarter, size })))}>
                {t('draw')}
              </Button>
            </Space>
          ) : null}
        </>
      ) : null}
    </Space>
  )
}
