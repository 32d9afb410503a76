import { Alert, App, Button, Input, Select, Space, Spin, Switch } from 'antd'
import { CameraOutlined, CheckOutlined, RedoOutlined } from '@ant-design/icons'
import { useCallback, useEffect, useRef, useState } from 'react'
import { api, errorMessage, unwrap } from '@renderer/lib/api'
import { useMessages } from '@renderer/i18n/context'
import type { PhotoSpec } from '@shared/photo/spec'
import type { CaptureView } from '@shared/photo/contract'
import { rgbHex } from '@shared/photo/background'
import { Guide } from './Guide'
import { RuleList } from './ResultPanel'
import { photoMessages } from './messages'

type Preview =
  | { state: 'starting' | 'live' | 'paused' }
  | { state: 'failed'; reason: string; cause: CameraFailure | null }

/** The camera failures the browser names (its own words are English), in the clerk's. */
const CAMERA_FAILURES = {
  NotFoundError: 'preview.notFound',
  NotAllowedError: 'preview.notAllowed',
  NotReadableError: 'preview.busy',
  OverconstrainedError: 'preview.unsupported'
} as const
type CameraFailure = (typeof CAMERA_FAILURES)[keyof typeof CAMERA_FAILURES]
const cameraFailure = (error: unknown): CameraFailure | null =>
  error instanceof Error && error.name in CAMERA_FAILURES
    ? CAMERA_FAILURES[error.name as keyof typeof CAMERA_FAILURES]
    : null

const NUDGE_PX = 2
const NUDGE_SCALE = 1.02

const requestCamera = async () => {
  if (!navigator.mediaDevices?.getUserMedia) throw new Error('getUserMedia unavailable')
  return navigator.mediaDevices.getUserMedia({
    video: { width: { ideal: 1280 }, height: { ideal: 720 } },
    audio: false
  })
}

/** Typing in a field must not shoot or accept. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/**
 * The booth: live preview with the spec's guide, Space shoots (main captures the full-resolution
 * still through the counter camera), the result panel lists every rule, arrows nudge the crop,
 * Enter keeps the photo, Esc retakes.
 */
export function Booth({ specs, onSaved }: { specs: PhotoSpec[]; onSaved: () => void }) {
  const t = useMessages(photoMessages)
  const { message } = App.useApp()
  const [specId, setSpecId] = useState(specs[0]?.id ?? 'resident-id')
  const [preview, setPreview] = useState<Preview>({ state: 'starting' })
  const [countdownOn, setCountdownOn] = useState(false)
  const [count, setCount] = useState(0)
  const [busy, setBusy] = useState(false)
  const [shot, setShot] = useState<CaptureView | null>(null)
  const [subjectRef, setSubjectRef] = useState('')
  const video = useRef<HTMLVideoElement>(null)
  const stream = useRef<MediaStream | null>(null)
  const spec = specs.find((s) => s.id === specId) ?? specs[0]
  const [replace, setReplace] = useState(true)
  const [colour, setColour] = useState<string | null>(null)
  const colours = (spec?.background.colours ?? []).map((c) => ({
    value: rgbHex(c.rgb),
    label: c.name
  }))
  // The clerk's pick where the spec allows several; the spec's first colour otherwise.
  const chosen = colours.find((c) => c.value === colour)?.value ?? colours[0]?.value ?? '#ffffff'
  const background = replace ? chosen : null

  const stopPreview = useCallback(() => {
    stream.current?.getTracks().forEach((track) => track.stop())
    stream.current = null
  }, [])

  /** Opens the preview stream; state changes only once the camera answers. */
  const openPreview = useCallback(() => {
    stopPreview()
    return requestCamera().then(
      (media) => {
        stream.current = media
        if (video.current) video.current.srcObject = media
        setPreview({ state: 'live' })
      },
      (error: unknown) =>
        setPreview({ state: 'failed', reason: errorMessage(error), cause: cameraFailure(error) })
    )
  }, [stopPreview])

  useEffect(() => {
    void openPreview()
    return stopPreview
  }, [openPreview, stopPreview])

  const startPreview = useCallback(() => {
    setPreview({ state: 'starting' })
    void openPreview()
  }, [openPreview])

  const shoot = useCallback(async () => {
    if (busy || shot || !spec) return
    setBusy(true)
    try {
      if (countdownOn)
        for (let n = 3; n > 0; n--) {
          setCount(n)
          await new Promise((resolve) => setTimeout(resolve, 1000))
        }
      setCount(0)
      // Most cameras cannot be shared: release the preview while main captures.
      stopPreview()
      setPreview({ state: 'paused' })
      setShot(await unwrap(api.photo.capture({ specId: spec.id, background })))
    } catch (error) {
      message.error(errorMessage(error))
      startPreview()
    } finally {
      setBusy(false)
      setCount(0)
    }
  }, [busy, shot, spec, background, countdownOn, stopPreview, startPreview, message])

  const retake = useCallback(() => {
    setShot(null)
    startPreview()
  }, [startPreview])

  const accept = useCallback(async () => {
    if (!shot || busy) return
    setBusy(true)
    try {
      await unwrap(
        api.photo.accept({
          captureId: shot.captureId,
          ...(subjectRef.trim() ? { subjectRef: subjectRef.trim() } : {})
        })
      )
      message.success(t('result.saved'))
      setShot(null)
      setSubjectRef('')
      onSaved()
      startPreview()
    } catch (error) {
      message.error(errorMessage(error))
    } finally {
      setBusy(false)
    }
  }, [shot, busy, subjectRef, message, t, onSaved, startPreview])

  const nudge = useCallback(
    async (dx: number, dy: number, scale: number, newBackground?: string | null) => {
      if (!shot || busy) return
      setBusy(true)
      try {
        const n = shot.nudge
        setShot(
          await unwrap(
            api.photo.adjust({
              captureId: shot.captureId,
              dx: n.dx + dx,
              dy: n.dy + dy,
              scale: Math.min(1.3, Math.max(0.7, n.scale * scale)),
              ...(newBackground === undefined ? {} : { background: newBackground })
            })
          )
        )
      } catch (error) {
        message.error(errorMessage(error))
      } finally {
        setBusy(false)
      }
    },
    [shot, busy, message]
  )

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) && event.key !== 'Enter' && event.key !== 'Escape') return
      const actions: Record<string, () => unknown> = shot
        ? {
            Enter: accept,
            Escape: retake,
            ArrowLeft: () => nudge(-NUDGE_PX, 0, 1),
            ArrowRight: () => nudge(NUDGE_PX, 0, 1),
            ArrowUp: () => nudge(0, -NUDGE_PX, 1),
            ArrowDown: () => nudge(0, NUDGE_PX, 1),
            '+': () => nudge(0, 0, NUDGE_SCALE),
            '=': () => nudge(0, 0, NUDGE_SCALE),
            '-': () => nudge(0, 0, 1 / NUDGE_SCALE)
          }
        : { ' ': shoot }
      const action = actions[event.key]
      if (!action || event.altKey || event.ctrlKey || event.metaKey) return
      event.preventDefault()
      void action()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [shot, accept, retake, nudge, shoot])

  if (!spec) return null
  return (
    <div className="photo-booth">
      <Space className="photo-toolbar" wrap>
        <span>{t('spec')}</span>
        <Select
          value={spec.id}
          onChange={setSpecId}
          style={{ width: 300 }}
          disabled={Boolean(shot)}
          options={specs.map((s) => ({
            value: s.id,
            label: `${s.name}（${s.widthMm}×${s.heightMm} mm）`
          }))}
          data-testid="photo-spec"
        />
        <Switch
          checked={replace}
          onChange={(on) => {
            setReplace(on)
            void nudge(0, 0, 1, on ? chosen : null)
          }}
          data-testid="photo-replace"
        />
        <span>{t('background.replace')}</span>
        <Select
          value={chosen}
          onChange={(value: string) => {
            setColour(value)
            if (replace) void nudge(0, 0, 1, value)
          }}
          style={{ width: 110 }}
          disabled={!replace || colours.length < 2}
          options={colours}
          aria-label={t('background.colour')}
          data-testid="photo-background"
        />
        <Switch checked={countdownOn} onChange={setCountdownOn} />
        <span>{t('countdown')}</span>
        <Button
          type="primary"
          icon={<CameraOutlined />}
          onClick={() => void shoot()}
          disabled={busy || Boolean(shot)}
        >
          {t('shoot')}
        </Button>
      </Space>
      <div className="photo-stage">
        <div className="photo-preview" data-testid="photo-preview" data-state={preview.state}>
          <video ref={video} autoPlay muted playsInline className={shot ? 'hidden' : ''} />
          {!shot ? (
            <Guide
              spec={spec}
              labels={{ hair: t('guide.hair'), eyes: t('guide.eyes'), chin: t('guide.chin') }}
            />
          ) : null}
          {count > 0 ? <div className="photo-countdown">{count}</div> : null}
          {!shot && (preview.state === 'starting' || preview.state === 'paused') ? (
            <div className="photo-preview-note">
              <Spin /> {t(preview.state === 'starting' ? 'preview.starting' : 'preview.paused')}
            </div>
          ) : null}
          {preview.state === 'failed' && !shot ? (
            <Alert
              type="warning"
              showIcon
              className="photo-preview-alert"
              title={t('preview.failed', {
                reason: preview.cause ? t(preview.cause) : preview.reason
              })}
            />
          ) : null}
          {shot && shot.original ? (
            <div className="photo-compare">
              <figure>
                <img src={shot.original} alt="" data-testid="photo-original-image" />
                <figcaption>{t('background.original')}</figcaption>
              </figure>
              <figure>
                <img src={shot.image} alt="" data-testid="photo-result-image" />
                <figcaption>{t('background.replaced')}</figcaption>
              </figure>
            </div>
          ) : shot ? (
            <img
              src={shot.image}
              alt=""
              className="photo-result-image"
              data-testid="photo-result-image"
            />
          ) : null}
        </div>
        {shot ? (
          <div className="photo-result" data-testid="photo-result">
            {shot.report.background?.lowConfidence ? (
              <Alert
                type="warning"
                showIcon
                data-testid="photo-matte-unsure"
                title={t('background.unsure', {
                  pct: Math.round(shot.report.background.unsure * 100)
                })}
              />
            ) : null}
            <RuleList report={shot.report} />
            <p className="photo-hint">{t('result.hint')}</p>
            <Input
              placeholder={t('subjectRef')}
              value={subjectRef}
              maxLength={64}
              onChange={(event) => setSubjectRef(event.target.value)}
            />
            <Space className="photo-actions">
              <Button
                type="primary"
                icon={<CheckOutlined />}
                onClick={() => void accept()}
                loading={busy}
              >
                {t('accept')}
              </Button>
              <Button icon={<RedoOutlined />} onClick={retake}>
                {t('retake')}
              </Button>
            </Space>
          </div>
        ) : null}
      </div>
    </div>
  )
}
