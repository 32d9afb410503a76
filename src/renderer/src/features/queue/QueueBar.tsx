import { useCallback, useEffect, useRef, useState } from 'react'
import { App, Button, Input, Modal, Select, Space, Tag, Tooltip } from 'antd'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { useMessages } from '@renderer/i18n/context'
import type { DeskView, ServiceView, WindowView } from '@shared/queue/contract'
import { QUEUE_CHANGED, queueMessages, type QueueKey } from './messages'
import { RatingDialog } from './RatingDialog'
import { barKeys, type BarAction as Action } from './keys'

const keyLabel = (action: Action) => `Shift+${barKeys[action]}`
const shortLabel = (action: Action) => `⇧${barKeys[action]}`

type Dialog = 'callNumber' | 'transfer' | 'pause' | 'rate' | null

/**
 * The window bar above every module: the clerk's window, its current ticket and the keys
 * 叫号 重呼 开始 过号 转移 暂停 办结 叫指定号, on screen and on Shift+F1…F8.
 */
export function QueueBar() {
  const t = useMessages(queueMessages)
  const { message } = App.useApp()
  const [desk, setDesk] = useState<DeskView | null>(null)
  const [windows, setWindows] = useState<WindowView[]>([])
  const [services, setServices] = useState<ServiceView[]>([])
  const [pick, setPick] = useState<string | undefined>()
  const [dialog, setDialog] = useState<Dialog>(null)
  const [text, setText] = useState('')
  const [target, setTarget] = useState<{ serviceId?: string; windowId?: string }>({})
  const busy = useRef(false)

  const load = useCallback(() => {
    unwrap(api.queue.desk()).then(setDesk, () => setDesk(null))
  }, [])
  useEffect(() => {
    load()
    unwrap(api.queue.windows()).then(setWindows, () => setWindows([]))
    unwrap(api.queue.services()).then(setServices, () => setServices([]))
    const timer = window.setInterval(load, 5_000)
    window.addEventListener(QUEUE_CHANGED, load)
    return () => {
      window.clearInterval(timer)
      window.removeEventListener(QUEUE_CHANGED, load)
    }
  }, [load])

  const run = useCallback(
    async (pending: () => ReturnType<typeof api.queue.desk>) => {
      if (busy.current) return false
      busy.current = true
      try {
        setDesk(await unwrap(pending()))
        window.dispatchEvent(new Event(QUEUE_CHANGED))
        return true
      } catch (error) {
        void message.error(errorMessage(error))
        return false
      } finally {
        busy.current = false
      }
    },
    [message]
  )

  const current = desk?.current ?? null
  const paused = desk?.window?.state === 'paused'
  const act = useCallback(
    (action: Action) => {
      if (!desk?.window) return
      setText('')
      if (action === 'callNext') void run(() => api.queue.callNext())
      else if (action === 'recall') void run(() => api.queue.recall())
      else if (action === 'start') void run(() => api.queue.start())
      else if (action === 'miss') void run(() => api.queue.miss())
      else if (action === 'finish') {
        void run(() => api.queue.finish()).then((ok) => ok && setDialog('rate'))
      } else if (action === 'pause') {
        if (paused) void run(() => api.queue.resume())
        else setDialog('pause')
      } else if (action === 'transfer') {
        setTarget({})
        setDialog('transfer')
      } else setDialog('callNumber')
    },
    [desk, paused, run]
  )

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.shiftKey || event.ctrlKey || event.altKey || dialog) return
      const action = (Object.keys(barKeys) as Action[]).find((a) => barKeys[a] === event.key)
      if (!action) return
      event.preventDefault()
      act(action)
    }
    window.addEventListener('keydown', onKeyDown)
    return () => window.removeEventListener('keydown', onKeyDown)
  }, [act, dialog])

  if (!desk) return null
  if (!desk.window) {
    return (
      <div className="queue-bar" data-testid="queue-bar">
        <Space>
          <span>{t('noWindow')}</span>
          <Select
            data-testid="queue-pick-window"
            style={{ width: 180 }}
            placeholder={t('pickWindow')}
            value={pick}
            onChange={setPick}
            options={windows.map((w) => ({
              value: w.id,
              label: `${t('windowNumber', { n: w.number })}${w.priority ? `（${t('priorityWindow')}）` : ''}`,
              disabled: w.clerkId !== null
            }))}
          />
          <Button
            disabled={!pick}
            onClick={() => pick && void run(() => api.queue.takeWindow({ windowId: pick }))}
          >
            {t('takeWindow')}
          </Button>
        </Space>
      </div>
    )
  }

  const button = (action: Action, label: QueueKey, disabled: boolean, primary = false) => (
    <Tooltip title={keyLabel(action)} key={action}>
      <Button
        data-testid={`queue-${action}`}
        type={primary ? 'primary' : 'default'}
        disabled={disabled}
        onClick={() => act(action)}
      >
        {t(label)}
        <kbd>{shortLabel(action)}</kbd>
      </Button>
    </Tooltip>
  )
  const called = current?.status === 'called'
  return (
    <div className="queue-bar" data-testid="queue-bar">
      <Space wrap size="small">
        <Tag color={desk.window.priority ? 'gold' : 'blue'}>
          {t('windowNumber', { n: desk.window.number })}
        </Tag>
        <span data-testid="queue-current" className="queue-current">
          {current ? current.number : t('none')}
        </span>
        {current && <Tag>{called ? t('called', { n: current.callCount }) : t('serving')}</Tag>}
        {paused && (
          <Tag color="orange">{t('paused', { reason: desk.window.pauseReason ?? '' })}</Tag>
        )}
        <span data-testid="queue-waiting">{t('waiting', { n: desk.waiting })}</span>
        {button('callNext', 'callNext', !!current || paused, !current)}
        {button('recall', 'recall', !called || desk.recallsLeft === 0)}
        {button('start', 'start', !called)}
        {button('miss', 'miss', !desk.canMiss)}
        {button('transfer', 'transfer', !current)}
        {button('pause', paused ? 'resume' : 'pause', false)}
        {button('finish', 'finish', !current, !!current)}
        {button('callNumber', 'callNumber', !!current || paused)}
        {desk.toRate && (
          <Button data-testid="queue-rate" onClick={() => setDialog('rate')}>
            {t('rate')} {desk.toRate.number}
          </Button>
        )}
        {!current && (
          <Button type="link" onClick={() => void run(() => api.queue.leaveWindow())}>
            {t('leaveWindow')}
          </Button>
        )}
      </Space>

      <Modal
        open={dialog === 'callNumber'}
        title={t('callNumber')}
        okText={t('ok')}
        cancelText={t('cancel')}
        onCancel={() => setDialog(null)}
        onOk={() =>
          void run(() => api.queue.callNumber({ number: text.trim().toUpperCase() })).then(
            (ok) => ok && setDialog(null)
          )
        }
        destroyOnHidden
      >
        <Input
          autoFocus
          data-testid="queue-number-input"
          placeholder={t('numberHint')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>

      <Modal
        open={dialog === 'pause'}
        title={t('pause')}
        okText={t('ok')}
        cancelText={t('cancel')}
        okButtonProps={{ disabled: !text.trim() }}
        onCancel={() => setDialog(null)}
        onOk={() =>
          void run(() => api.queue.pause({ reason: text.trim() })).then(
            (ok) => ok && setDialog(null)
          )
        }
        destroyOnHidden
      >
        <Space wrap style={{ marginBottom: 8 }}>
          {t('pauseReasons')
            .split(',')
            .map((reason) => (
              <Tag.CheckableTag
                key={reason}
                checked={text === reason}
                onChange={() => setText(reason)}
              >
                {reason}
              </Tag.CheckableTag>
            ))}
        </Space>
        <Input
          autoFocus
          data-testid="queue-pause-reason"
          placeholder={t('reason')}
          maxLength={40}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      </Modal>

      <Modal
        open={dialog === 'transfer'}
        title={t('transfer')}
        okText={t('ok')}
        cancelText={t('cancel')}
        okButtonProps={{ disabled: !target.serviceId }}
        onCancel={() => setDialog(null)}
        onOk={() =>
          target.serviceId &&
          void run(() =>
            api.queue.transfer({
              serviceId: target.serviceId!,
              ...(target.windowId ? { windowId: target.windowId } : {})
            })
          ).then((ok) => ok && setDialog(null))
        }
        destroyOnHidden
      >
        <Space direction="vertical" style={{ width: '100%' }}>
          <span>{t('toService')}</span>
          <Select
            data-testid="queue-transfer-service"
            style={{ width: '100%' }}
            value={target.serviceId}
            onChange={(serviceId: string) => setTarget((v) => ({ ...v, serviceId }))}
            options={services
              .filter((s) => s.active)
              .map((s) => ({ value: s.id, label: `${s.prefix} ${s.name}` }))}
          />
          <span>{t('toWindow')}</span>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('anyWindow')}
            value={target.windowId}
            onChange={(windowId?: string) =>
              setTarget((v) => ({ ...v, ...(windowId ? { windowId } : { windowId: undefined }) }))
            }
            options={windows
              .filter((w) => w.id !== desk.window?.id)
              .map((w) => ({ value: w.id, label: t('windowNumber', { n: w.number }) }))}
          />
        </Space>
      </Modal>

      {dialog === 'rate' && desk.toRate && (
        <RatingDialog
          ticket={desk.toRate}
          onClose={() => {
            setDialog(null)
            load()
          }}
        />
      )}
    </div>
  )
}
