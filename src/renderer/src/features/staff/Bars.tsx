/** A plain SVG bar chart (0–100%), one bar per officer: readable at a glance, no chart library. */
export function Bars(props: {
  title: string
  items: { label: string; value: number; warn?: boolean }[]
  testId: string
}) {
  const row = 26
  const labelWidth = 90
  const width = 420
  return (
    <figure style={{ margin: 0 }} data-testid={props.testId}>
      <figcaption style={{ fontWeight: 600, marginBottom: 4 }}>{props.title}</figcaption>
      <svg width={labelWidth + width + 60} height={props.items.length * row + 4} role="img">
        {props.items.map((item, i) => {
          const value = Math.max(0, Math.min(100, item.value))
          return (
            <g key={item.label + i} transform={`translate(0, ${i * row})`}>
              <text x={0} y={17} fontSize={14}>
                {item.label}
              </text>
              <rect x={labelWidth} y={4} width={width} height={18} fill="#f0f0f0" />
              <rect
                x={labelWidth}
                y={4}
                width={(width * value) / 100}
                height={18}
                fill={item.warn ? '#ff4d4f' : '#1677ff'}
              />
              <text x={labelWidth + width + 6} y={17} fontSize={14}>
                {`${Math.round(value)}%`}
              </text>
            </g>
          )
        })}
      </svg>
    </figure>
  )
}
