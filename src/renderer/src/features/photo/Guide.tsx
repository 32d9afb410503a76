import { place, planPlacement, typicalFace } from '@shared/photo/geometry'
import type { PhotoSpec } from '@shared/photo/spec'

export interface GuideLabels {
  hair: string
  eyes: string
  chin: string
}

/**
 * The posing guide over the live preview, in the spec's own pixels: the photo frame, the hair-top
 * band, the eye line (and its allowed band), the chin band and a face oval where an average face
 * would sit. The SVG scales with the preview box.
 */
export function Guide({ spec, labels }: { spec: PhotoSpec; labels: GuideLabels }) {
  const W = spec.widthPx
  const H = spec.heightPx
  const g = spec.geometry
  const m = place(typicalFace, planPlacement(typicalFace, spec))
  // The frame fills 92 % of the preview's height (16:9), centred.
  const boxH = H / 0.92
  const boxW = (boxH * 16) / 9
  const x0 = (boxW - W) / 2
  const y0 = (boxH - H) / 2
  const band = (from: number, to: number, key: string, label: string) => (
    <g data-testid={`guide-${key}`}>
      <rect
        x={x0}
        y={y0 + from}
        width={W}
        height={Math.max(1, to - from)}
        className={`guide-band guide-${key}`}
      />
      <text x={x0 + W + 6} y={y0 + (from + to) / 2 + 5} className="guide-label">
        {label}
      </text>
    </g>
  )
  const hair = g.hairTop
    ? [g.hairTop.min ?? 0, g.hairTop.max ?? g.hairTop.min ?? 0]
    : [m.crownY - H * 0.015, m.crownY + H * 0.015]
  const eyeLo = Math.max(g.eyeFromTop?.min ?? 0, H - (g.eyeFromBottom?.max ?? H))
  const eyeHi = Math.min(g.eyeFromTop?.max ?? H, H - (g.eyeFromBottom?.min ?? 0))
  const chin =
    g.chinFromBottom?.min !== undefined
      ? [m.chinY, H - g.chinFromBottom.min]
      : [m.chinY - H * 0.015, m.chinY + H * 0.015]
  return (
    <svg
      className="photo-guide"
      viewBox={`0 0 ${boxW} ${boxH}`}
      preserveAspectRatio="xMidYMid meet"
      data-testid="photo-guide"
    >
      <path
        className="guide-shade"
        fillRule="evenodd"
        d={`M0 0H${boxW}V${boxH}H0Z M${x0} ${y0}h${W}v${H}h${-W}Z`}
      />
      <rect x={x0} y={y0} width={W} height={H} className="guide-frame" data-testid="guide-frame" />
      {band(hair[0]!, hair[1]!, 'hair', labels.hair)}
      {eyeHi < H || eyeLo > 0 ? (
        <rect x={x0} y={y0 + eyeLo} width={W} height={eyeHi - eyeLo} className="guide-eye-band" />
      ) : null}
      <g data-testid="guide-eyes">
        <line x1={x0} x2={x0 + W} y1={y0 + m.eyeY} y2={y0 + m.eyeY} className="guide-eye-line" />
        <text x={x0 + W + 6} y={y0 + m.eyeY + 5} className="guide-label">
          {labels.eyes}
        </text>
      </g>
      {band(chin[0]!, chin[1]!, 'chin', labels.chin)}
      <ellipse
        data-testid="guide-oval"
        className="guide-oval"
        cx={x0 + m.faceCentreX}
        cy={y0 + (m.crownY + m.chinY) / 2 + (m.chinY - m.crownY) * 0.04}
        rx={m.faceWidth * 0.55}
        ry={(m.chinY - m.crownY) * 0.5}
      />
      <line x1={x0 + W / 2} x2={x0 + W / 2} y1={y0} y2={y0 + H} className="guide-centre" />
    </svg>
  )
}
