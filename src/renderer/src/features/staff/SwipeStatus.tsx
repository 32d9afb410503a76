import { useEffect, useState } from 'react'
import { App, Tooltip } from 'antd'
import { IdcardOutlined } from '@ant-design/icons'
import { formatMessage, useI18n, useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { createSwipeCatcher } from '@shared/staff/wedge'
import type { StaffConfig } from '@shared/staff/contract'
import { STAFF_CONFIG_SAVED, STAFF_SWIPED, staffMessages, swipeText } from './messages'
import { useApp } from '@renderer/AppContext'

type Key = keyof (typeof staffMessages)['zh-CN']

type TextField = HTMLInputElement | HTMLTextAreaElement

const textField = (target: unknown): TextField | null =>
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type))
    ? target
    : null

/** Sets a field's value so React (and an Ant Design form) sees the change. */
function restore(field: TextField, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set
  if (setter) setter.call(field, value)
  else field.value = value
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

/**
 * The always-available swipe box, in the status bar: a card reader's burst on any screen records
 * the swipe. Keys reach the page as usual; when a burst went into a focused text field, the field
 * gets its earlier value back and the closing Enter is stopped (see createSwipeCatcher). The F7
 * swipe box (data-swipe-box) handles its own swipes.
 */
export function SwipeStatus() {
  const t = useMessages(staffMessages)
  const { message } = App.useApp()
  const { locale } = useI18n()
  const [wedge, setWedge] = useState<StaffConfig['wedge'] | null>(null)
  const [last, setLast] = useState<string | null>(null)
  const operatorId = useApp().session.operator.id
  // Reloaded for each operator and when the settings tab saves new reader thresholds.
  useEffect(() => {
    const load = () =>
      unwrap(api.staff.config()).then(
        (c) => setWedge(c.wedge),
        () => setWedge(null)
      )
    void load()
    window.addEventListener(STAFF_CONFIG_SAVED, load)
    return () => window.removeEventListener(STAFF_CONFIG_SAVED, load)
  }, [operatorId])
  useEffect(() => {
    if (!wedge) return
    const catcher = createSwipeCatcher<TextField>(wedge, {
      field: textField,
      skip: (target) => target instanceof Element && target.closest('[data-swipe-box]') !== null,
      restore,
      onCard: (cardNumber) => {
        const tr = (key: Key, vars?: Record<string, string>) =>
          formatMessage(staffMessages[locale][key], vars)
        unwrap(api.staff.swipe({ cardNumber }))
          .then((r) => {
            const text = swipeText(tr, r)
            setLast(text)
            window.dispatchEvent(new Event(STAFF_SWIPED))
            void message.success(text)
          })
          .catch((e: unknown) => message.error(errorMessage(e)))
      }
    })
    const listener = (event: KeyboardEvent) => catcher(event)
    window.addEventListener('keydown', listener, true)
    return () => window.removeEventListener('keydown', listener, true)
  }, [wedge, locale, message])
  if (!wedge) return null
  return (
    <Tooltip title={t('swipeReadyHint')}>
      <span
        data-testid="status-swipe"
        style={{
          display: 'inline-block',
          maxWidth: 260,
          overflow: 'hidden',
          textOverflow: 'ellipsis',
          whiteSpace: 'nowrap',
          verticalAlign: 'bottom'
        }}
      >
        <IdcardOutlined /> {last ?? t('swipeReady')}
      </span>
    </Tooltip>
  )
}
