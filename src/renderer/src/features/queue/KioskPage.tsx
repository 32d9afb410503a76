import { useEffect, useState } from 'react'
import { App, Button } from 'antd'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { useMessages } from '@renderer/i18n/context'
import type { IssuedView, ServiceView } from '@shared/queue/contract'
import { queueMessages } from './messages'
import { Slip } from './Slip'

/** Back to the home screen after showing a ticket. */
const SHOW_TICKET_MS = 15_000

/**
 * The touch kiosk: one big button per business; the 老弱病残孕 button first marks the ticket for
 * the priority lane. The number is shown (and printed where a printer is set up).
 */
export function KioskPage() {
  const t = useMessages(queueMessages)
  const { message } = App.useApp()
  const [services, setServices] = useState<ServiceView[]>([])
  const [priority, setPriority] = useState(false)
  const [issued, setIssued] = useState<IssuedView | null>(null)
  useEffect(() => {
    unwrap(api.queue.services()).then(
      (list) => setServices(list.filter((s) => s.active)),
      () => undefined
    )
  }, [])
  useEffect(() => {
    if (!issued) return
    const timer = window.setTimeout(() => setIssued(null), SHOW_TICKET_MS)
    return () => window.clearTimeout(timer)
  }, [issued])

  const take = async (service: ServiceView) => {
    try {
      const result = await unwrap(
        api.queue.issue({
          serviceId: service.id,
          lane: priority ? 'priority' : 'normal',
          ...(priority ? { priorityReason: '老弱病残孕' as const } : {})
        })
      )
      setIssued(result)
      // The number is on screen either way; a failed print is said so the resident notes it.
      if (result.print.status === 'failed') {
        void message.warning(t('printFailed', { message: result.print.message ?? '' }))
      }
      setPriority(false)
    } catch (error) {
      void message.error(errorMessage(error))
    }
  }

  if (issued) {
    return (
      <div className="kiosk" data-testid="kiosk">
        <h1>{t('kioskDone')}</h1>
        <Slip lines={issued.slip} big />
        <Button size="large" className="kiosk-button" onClick={() => setIssued(null)}>
          {t('kioskBack')}
        </Button>
      </div>
    )
  }
  return (
    <div className="kiosk" data-testid="kiosk">
      <h1>{t('kioskTitle')}</h1>
      <Button
        data-testid="kiosk-priority"
        size="large"
        className="kiosk-button kiosk-priority"
        type={priority ? 'primary' : 'default'}
        onClick={() => setPriority((on) => !on)}
      >
        {t('kioskPriority')}
      </Button>
      <div className="kiosk-grid">
        {services.map((s) => (
          <Button
            key={s.id}
            data-testid={`kiosk-${s.prefix}`}
            size="large"
            className="kiosk-button"
            onClick={() => void take(s)}
          >
            {s.name}
          </Button>
        ))}
      </div>
      <a href="#/" className="kiosk-exit">
        ←
      </a>
    </div>
  )
}
