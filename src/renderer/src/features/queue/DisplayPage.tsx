import { useEffect, useRef, useState } from 'react'
import { api, unwrap } from '@renderer/lib/api'
import { useMessages } from '@renderer/i18n/context'
import { lunarDayName, lunarMonthName, solarToLunar } from '@shared/calendar'
import type { BoardView } from '@shared/queue/contract'
import { callText } from '@shared/queue/text'
import { stationClock, stationDate, weekdayName } from '@shared/dates'
import { queueMessages } from './messages'
import { createCaller } from './voice'

/**
 * The hall display (second monitor): the current call large and flashing, each window's last
 * number, waiting counts per business, a scrolling notice, the clock and both calendars' date.
 * Numbers only: no names or ID numbers.
 */
export function DisplayPage() {
  const t = useMessages(queueMessages)
  const [board, setBoard] = useState<BoardView | null>(null)
  const [now, setNow] = useState(() => new Date())
  const seen = useRef<Set<string> | null>(null)
  const caller = useRef(createCaller())
  const [voice, setVoice] = useState<'voice' | 'clips' | 'chime' | null>(null)
  useEffect(() => {
    // Voices load late in Chromium; ask again once they are announced.
    const check = () => void caller.current.source().then(setVoice)
    check()
    if (typeof speechSynthesis === 'undefined') return
    speechSynthesis.addEventListener('voiceschanged', check)
    return () => speechSynthesis.removeEventListener('voiceschanged', check)
  }, [])

  useEffect(() => {
    const load = () =>
      unwrap(api.queue.board()).then(
        (next) => {
          // The first load marks what is already on the board; only later calls are said.
          const known = seen.current
          if (known) {
            for (const call of [...next.calls].reverse()) {
              if (known.has(call.id)) continue
              caller.current.enqueue({
                number: call.number,
                windowNumber: call.windowNumber,
                recall: call.kind === 'recall'
              })
            }
          }
          seen.current = new Set(next.calls.map((c) => c.id))
          setBoard(next)
        },
        () => undefined
      )
    void load()
    const poll = window.setInterval(load, 1_000)
    const clock = window.setInterval(() => setNow(new Date()), 1_000)
    return () => {
      window.clearInterval(poll)
      window.clearInterval(clock)
    }
  }, [])

  const latest = board?.calls[0] ?? null
  const date = stationDate(now)
  const lunar = solarToLunar(date)
  return (
    <div className="hall-display" data-testid="hall-display">
      <header className="hall-head">
        <span data-testid="hall-clock" className="hall-clock">
          {stationClock(now.toISOString())}
        </span>
        <span data-testid="hall-date">
          {date} {weekdayName(date)} · 农历{lunarMonthName(lunar.month, lunar.leap)}
          {lunarDayName(lunar.day)}
        </span>
      </header>
      <main className="hall-main">
        <section className="hall-current">
          <div className="hall-label">{t('displayTitle')}</div>
          {latest ? (
            <div key={latest.id} className="hall-call flash" data-testid="hall-current">
              {callText(latest.number, latest.windowNumber)}
            </div>
          ) : (
            <div className="hall-call">{t('noCalls')}</div>
          )}
        </section>
        <section className="hall-windows" data-testid="hall-windows">
          {board?.windows
            .filter((w) => w.state !== 'closed' || w.lastNumber)
            .map((w) => (
              <div key={w.number} className={`hall-window ${w.state}`}>
                <span>{t('windowNumber', { n: w.number })}</span>
                <strong>{w.lastNumber ?? '—'}</strong>
              </div>
            ))}
        </section>
        <section className="hall-waiting" data-testid="hall-waiting">
          <div className="hall-label">{t('displayWaiting')}</div>
          {board?.waiting.map((s) => (
            <div key={s.serviceId} className="hall-window">
              <span>
                {s.prefix} {s.name}
              </span>
              <strong>{s.count}</strong>
            </div>
          ))}
        </section>
      </main>
      <footer className="hall-notice">
        <span className="hall-marquee">{t('displayNotice')}</span>
        {voice && (
          <span className="hall-voice" data-testid="hall-voice" data-source={voice}>
            {t(`voice_${voice}`)}
          </span>
        )}
      </footer>
    </div>
  )
}

/** The hall display before anyone has signed in at the workstation: no form, just a line. */
export function HallIdle() {
  const t = useMessages(queueMessages)
  return (
    <div className="hall-display hall-idle" data-testid="hall-idle">
      <div className="hall-call">{t('hallIdle')}</div>
    </div>
  )
}
