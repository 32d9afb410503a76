import { App, Button, Card, Input, List, Space } from 'antd'
import { useState } from 'react'
import { useApp } from '@renderer/AppContext'
import { api, ApiError, errorMessage, unwrap } from '@renderer/lib/api'
import { useMessages } from '@renderer/i18n/context'
import type { PhotoSpec } from '@shared/photo/spec'
import { photoMessages } from './messages'
import { CameraSettings } from './CameraSettings'

/** The specs as data: each shown with its size; an administrator edits one as JSON. */
export function SpecsEditor({ specs, onSaved }: { specs: PhotoSpec[]; onSaved: () => void }) {
  const t = useMessages(photoMessages)
  const { message } = App.useApp()
  const { session } = useApp()
  const isAdmin = session.operator.role === 'admin'
  const [editing, setEditing] = useState<{
    id: string
    text: string
    problem: string | null
  } | null>(null)

  const save = async () => {
    if (!editing) return
    try {
      await unwrap(api.photo.saveSpec(JSON.parse(editing.text) as PhotoSpec))
      message.success(t('specs.saved'))
      setEditing(null)
      onSaved()
    } catch (error) {
      const summary = errorMessage(error)
      // Field messages add what the summary does not already say (format errors by field).
      const fields =
        error instanceof ApiError
          ? Object.entries(error.fields)
              .filter(([, text]) => !summary.includes(text))
              .map(([key, text]) => `${key}: ${text}`)
          : []
      setEditing({ ...editing, problem: [summary, ...fields].join('；') })
    }
  }

  return (
    <div className="photo-specs">
      <CameraSettings />
      {!isAdmin ? <p className="settings-note">{t('specs.adminOnly')}</p> : null}
      <List
        dataSource={specs}
        renderItem={(spec) => (
          <List.Item
            actions={
              isAdmin
                ? [
                    <Button
                      key="edit"
                      size="small"
                      onClick={() =>
                        setEditing({
                          id: spec.id,
                          text: JSON.stringify(spec, null, 2),
                          problem: null
                        })
                      }
                    >
                      {t('specs.edit')}
                    </Button>
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={`${spec.name}（${spec.id}）`}
              description={t('specs.size', {
                wmm: spec.widthMm,
                hmm: spec.heightMm,
                w: spec.widthPx,
                h: spec.heightPx,
                dpi: spec.dpi
              })}
            />
          </List.Item>
        )}
      />
      {editing ? (
        <Card title={editing.id} className="photo-spec-editor">
          <Input.TextArea
            value={editing.text}
            autoSize={{ minRows: 12, maxRows: 28 }}
            maxLength={20_000}
            onChange={(event) => setEditing({ ...editing, text: event.target.value })}
            className="photo-spec-json"
          />
          {editing.problem ? (
            <p className="photo-spec-problem" data-testid="spec-problem">
              {editing.problem}
            </p>
          ) : null}
          <Space>
            <Button type="primary" onClick={() => void save()}>
              {t('specs.save')}
            </Button>
            <Button onClick={() => setEditing(null)}>✕</Button>
          </Space>
        </Card>
      ) : null}
    </div>
  )
}
