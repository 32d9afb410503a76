import { useState } from 'react'
import { App, Button, Input, Modal, Space, Tag } from 'antd'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { useI18n, useMessages } from '@renderer/i18n/context'
import { formatStationTime } from '@shared/logbooks/time'
import {
  DISSATISFIED,
  ratingLevels,
  ratingReasons,
  type RatingReason,
  type TicketView
} from '@shared/queue/contract'
import { queueMessages } from './messages'

/**
 * 好差评 after 办结, turned to the resident: five levels (GB/T 39734-2020 wording). 不满意 or
 * worse asks for reasons and an optional phone. Closing without an answer leaves it 未评价.
 */
export function RatingDialog({ ticket, onClose }: { ticket: TicketView; onClose: () => void }) {
  const t = useMessages(queueMessages)
  const { locale } = useI18n()
  const { message } = App.useApp()
  const [level, setLevel] = useState<number | null>(null)
  const [reasons, setReasons] = useState<RatingReason[]>([])
  const [phone, setPhone] = useState('')
  const [saving, setSaving] = useState(false)

  const submit = async (chosen: number) => {
    setSaving(true)
    try {
      const result = await unwrap(
        api.queue.rate({
          ticketId: ticket.id,
          level: chosen,
          ...(chosen <= DISSATISFIED ? { reasons } : {}),
          ...(chosen <= DISSATISFIED && phone.trim() ? { phone: phone.trim() } : {})
        })
      )
      void message.success(
        result.dueAt
          ? `${t('rated')}；${t('followupOpened', { due: formatStationTime(result.dueAt) })}`
          : t('rated')
      )
      onClose()
    } catch (error) {
      void message.error(errorMessage(error))
    } finally {
      setSaving(false)
    }
  }

  const poor = level !== null && level <= DISSATISFIED
  return (
    <Modal
      open
      width={720}
      title={t('rateTitle', { number: ticket.number })}
      onCancel={onClose}
      cancelText={t('noAnswer')}
      okText={t('submit')}
      okButtonProps={{ hidden: !poor, disabled: reasons.length === 0, loading: saving }}
      onOk={() => level !== null && void submit(level)}
    >
      <Space wrap size="middle" data-testid="rating-levels">
        {ratingLevels.map((l) => (
          <Button
            key={l.value}
            size="large"
            className="rating-button"
            type={level === l.value ? 'primary' : 'default'}
            danger={l.value <= DISSATISFIED}
            disabled={saving}
            onClick={() => {
              setLevel(l.value)
              if (l.value > DISSATISFIED) void submit(l.value)
            }}
          >
            {locale === 'zh-CN' ? l.label : l.labelEn}
          </Button>
        ))}
      </Space>
      {poor && (
        <div style={{ marginTop: 16 }} data-testid="rating-reasons">
          <p>{t('rateReasons')}</p>
          <Space wrap>
            {ratingReasons.map((reason) => (
              <Tag.CheckableTag
                key={reason}
                checked={reasons.includes(reason)}
                onChange={(on) =>
                  setReasons((list) => (on ? [...list, reason] : list.filter((r) => r !== reason)))
                }
              >
                {reason}
              </Tag.CheckableTag>
            ))}
          </Space>
          {/* Labelled, not only by a placeholder that goes as the resident types. */}
          <label htmlFor="rating-phone" className="rating-phone-label">
            {t('phone')}
          </label>
          <Input
            id="rating-phone"
            data-no-swipe
            data-testid="rating-phone"
            maxLength={20}
            value={phone}
            onChange={(e) => setPhone(e.target.value)}
          />
        </div>
      )}
    </Modal>
  )
}
