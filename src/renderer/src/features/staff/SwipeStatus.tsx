import { useCallback, useEffect, useMemo, useState } from 'react'
import { App, Tooltip } from 'antd'
import { IdcardOutlined, WarningOutlined } from '@ant-design/icons'
import { formatMessage, useI18n, useMessages } from '@renderer/i18n/context'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import {
  cardTag,
  createSwipeCatcher,
  defaultWedgeOptions,
  type WedgeOptions
} from '@shared/staff/wedge'
import { STAFF_CONFIG_SAVED, STAFF_SWIPED, staffMessages, swipeText } from './messages'
import { useApp } from '@renderer/AppContext'

type Key = keyof (typeof staffMessages)['zh-CN']

type TextField = HTMLInputElement | HTMLTextAreaElement

const textField = (target: unknown): TextField | null =>
  target instanceof HTMLTextAreaElement ||
  (target instanceof HTMLInputElement && !['checkbox', 'radio', 'button'].includes(target.type))
    ? target
    : null

/** The F7 swipe box handles its own swipes; fields marked data-no-swipe (ID, phone) opt out. */
const skip = (target: unknown) =>
  target instanceof Element && target.closest('[data-swipe-box], [data-no-swipe]') !== null

/** Sets a field's value so React (and an Ant Design form) sees the change. */
function restore(field: TextField, value: string) {
  const setter = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(field), 'value')?.set
  if (setter) setter.call(field, value)
  else field.value = value
  field.dispatchEvent(new Event('input', { bubbles: true }))
}

/** The reader thresholds last loaded, for the sign-in and lock screens (which cannot load them). */
let lastWedge: WedgeOptions = defaultWedgeOptions

/** Listens for reader bursts on the whole window while mounted. */
function useCatcher(
  wedge: WedgeOptions | null,
  isCard: (n: string) => boolean,
  onCard: (n: string, undo: () => void) => void
) {
  useEffect(() => {
    if (!wedge) return
    const catcher = createSwipeCatcher<TextField>(wedge, {
      field: textField,
      skip,
      restore,
      isCard,
      onCard
    })
    const listener = (event: KeyboardEvent) => catcher(event)
    window.addEventListener('keydown', listener, true)
    return () => window.removeEventListener('keydown', listener, true)
  }, [wedge, isCard, onCard])
}

const anyBurst = () => true

/**
 * On the sign-in and lock screens: a reader's burst must not go into the password field and
 * submit a wrong password (five colleagues swiping would lock the clerk out). Swipes need an
 * unlocked session in main, so the burst is taken back, its Enter dropped, and the clerk told to
 * unlock first.
 */
export function AuthSwipeGuard() {
  const t = useMessages(staffMessages)
  const { message } = App.useApp()
  const onCard = useCallback(() => void message.warning(t('unlockFirst')), [message, t])
  useCatcher(lastWedge, anyBurst, onCard)
  return null
}

/**
 * The always-available swipe box, in the status bar: a registered card's burst on any screen
 * records the swipe. Keys reach the page as usual; when such a burst went into a focused text
 * field, the field gets its earlier value back and the closing Enter is stopped (see
 * createSwipeCatcher). Other bursts (unknown cards, barcode scanners) are left alone.
 */
export function SwipeStatus() {
  const t = useMessages(staffMessages)
  const { message } = App.useApp()
  const { locale } = useI18n()
  const [reader, setReader] = useState<{ wedge: WedgeOptions; salt: string; tags: Set<string> }>()
  const [failed, setFailed] = useState<string | null>(null)
  const [last, setLast] = useState<string | null>(null)
  const operatorId = useApp().session.operator.id
  // Reloaded for each operator and when the settings tab saves thresholds or cards.
  useEffect(() => {
    const load = () =>
      Promise.all([unwrap(api.staff.config()), unwrap(api.staff.cardTags())]).then(
        ([c, cards]) => {
          lastWedge = c.wedge
          setReader({ wedge: c.wedge, salt: cards.salt, tags: new Set(cards.tags) })
          setFailed(null)
        },
        (e: unknown) => {
          setReader(undefined)
          setFailed(errorMessage(e))
        }
      )
    void load()
    window.addEventListener(STAFF_CONFIG_SAVED, load)
    return () => window.removeEventListener(STAFF_CONFIG_SAVED, load)
  }, [operatorId])
  const isCard = useMemo(
    () => (n: string) => reader?.tags.has(cardTag(reader.salt, n)) ?? false,
    [reader]
  )
  const onCard = useCallback(
    (cardNumber: string, undo: () => void) => {
      const tr = (key: Key, vars?: Record<string, string>) =>
        formatMessage(staffMessages[locale][key], vars)
      unwrap(api.staff.swipe({ cardNumber }))
        .then((r) => {
          const text = swipeText(tr, r)
          setLast(text)
          window.dispatchEvent(new Event(STAFF_SWIPED))
          void message.success(text)
        })
        .catch((e: unknown) => {
          undo()
          void message.error(errorMessage(e))
        })
    },
    [locale, message]
  )
  useCatcher(reader?.wedge ?? null, isCard, onCard)
  if (failed) {
    return (
      <span data-testid="status-swipe" style={{ color: '#cf1322' }}>
        <WarningOutlined /> {t('swipeUnavailable', { error: failed })}
      </span>
    )
  }
  if (!reader) return null
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
